package org.shebao.casework;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.shebao.common.NotFoundException;
import org.shebao.contribution.Bill;
import org.shebao.contribution.Bills;
import org.shebao.contribution.ContributionYear;
import org.shebao.contribution.Contributions;
import org.shebao.contribution.PaidMonth;
import org.shebao.contribution.RightsRecord;
import org.shebao.identity.ShebaoUser;
import org.shebao.policy.Implements;
import org.shebao.registry.Employer;
import org.shebao.registry.Employers;
import org.shebao.registry.Person;
import org.shebao.registry.Persons;
import org.shebao.registry.RecordHolders;
import org.shebao.policy.Jurisdictions;
import org.shebao.common.RegionCode;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sealed documents of the contribution records (issue 16, N-3c): a person's 缴费明细 (from the rights record, the
 * same one the pension reads: the years, and the paid months one by one) and an employer's monthly bill (核定单) as it
 * stands. Each is downloaded by whom it concerns (the person, the employer, staff of their region) without a visit;
 * asked again while nothing changed, the same document; once the record or the bill changed, a new one that replaces
 * it. This module depends on contribution, not the other way round: the documents are made here.
 */
@Implements(measure = "ELECTRONIC_SEAL_AND_ARCHIVE", rule = "缴费明细、核定单：本人、本单位在线下载盖章PDF，无需到现场",
        ruleEn = "Contribution detail and bill: the person or the employer downloads a sealed PDF online, no visit")
@Service
@RequiredArgsConstructor
public class ContributionDocuments {
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Persons persons;
    private final RecordHolders holders;
    private final Jurisdictions jurisdictions;
    private final Employers employers;
    private final Contributions contributions;
    private final Bills bills;
    private final Certificates certificates;
    private final MessageSource messages;

    /** The person's 缴费明细 as the rights record stands (the user must be allowed to see the person). */
    @Transactional
    public Certificates.Issued detail(ShebaoUser by, long personId) {
        // issued by the agency holding the record (after a transfer, the receiving agency's; the sending one reads)
        Person p = persons.personToServe(by, personId, "person");
        String issuer = holders.holdingRegion(personId);
        RightsRecord r = contributions.rightsRecord(personId);
        int elsewhere = r.monthsFromElsewhere(new RegionCode(issuer).scopePrefix());
        List<String> lines = new ArrayList<>(List.of(
                "姓名：" + p.name(),
                "公民身份号码：" + p.maskedIdNumber(),
                "累计缴费月数：" + r.totalMonths() + (elsewhere > 0 ? "（其中转移接续转入 " + elsewhere
                        + " 个月，同一月份只计一次）" : ""),
                "个人账户记账额合计（元）：" + r.accountTotal(),
                "一、年度缴费情况（基本养老保险）",
                "年度\t缴费月数\t月缴费基数（元）\t个人账户记账额（元）\t参保地"));
        for (ContributionYear y : r.years()) {
            lines.add(y.year() + "\t" + y.months() + "\t" + y.monthlyBase() + "\t" + y.accountCredit() + "\t"
                    + jurisdictions.nameOf(y.regionCode()));
        }
        if (r.years().isEmpty()) {
            lines.add("（无缴费记录）");
        }
        if (!r.months().isEmpty()) {
            lines.add("二、逐月缴费记录");
            lines.add("费款所属期\t缴费基数（元）\t缴费金额（元）\t个人账户记账额（元）\t缴费日期\t计入方式");
            for (PaidMonth m : r.months()) {
                String counted = msg(m.ownMonth() ? "rights.paid.own" : "rights.paid.back")
                        + (m.flagged() ? "（" + m.flags() + "）" : "");
                lines.add(m.month() + "\t" + m.base() + "\t" + m.amount() + "\t" + m.accountCredit() + "\t"
                        + m.paidOn() + "\t" + counted);
            }
        }
        lines.add("注：年度月缴费基数为当年各月缴费基数的平均；数据取自个人权益记录，与计发待遇所用记录相同。");
        return certificates.standing(new Certificates.Concerns(null, personId, null, "person:" + personId),
                issuer, DocumentKind.CONTRIBUTION_DETAIL, Certificates.mask(p.name()), lines);
    }

    /** The employer's bill of the month as it stands (the user must be allowed to see the employer). */
    @Transactional
    public Certificates.Issued bill(ShebaoUser by, long employerId, YearMonth month) {
        Employer e = employers.employer(by, employerId);
        Bill b = bills.bill(by, employerId, month).orElseThrow(() -> new NotFoundException("bill " + month));
        List<String> lines = new ArrayList<>(List.of(
                "单位名称：" + e.name(),
                "统一社会信用代码：" + e.creditCode(),
                "费款所属期：" + month.getYear() + "年" + month.getMonthValue() + "月",
                "单位类型：" + msg("employerSize." + b.sizeClass().name()) + "　工伤保险行业风险类别："
                        + msg("bill.riskClass." + b.riskClass()),
                "阶段性减免：" + msg("bill.relief." + b.reliefCode(), b.reliefPercent())
                        + (b.reliefSource() != null ? "（依据：" + Bill.documents(b.reliefSource()) + "）" : ""),
                "核定人数：" + b.employees() + "　核定时间：" + b.computedAt().format(AT),
                "一、分险种合计",
                "险种\t单位应缴（全额）\t减免额\t单位应缴\t个人应缴\t合计"));
        for (Bill.InsuranceTotal t : b.byInsurance()) {
            lines.add(msg("contribution.insurance." + t.insurance().name()) + "\t" + t.employerFull() + "\t"
                    + t.employerRelieved() + "\t" + t.employerDue() + "\t" + t.personalDue() + "\t" + t.totalDue());
        }
        lines.add("合计\t" + b.employerFull() + "\t" + b.employerRelieved() + "\t" + b.employerDue() + "\t"
                + b.personalDue() + "\t" + b.totalDue());
        lines.add("应缴合计（元）：" + b.totalDue() + "　缴费期限：" + b.dueOn());
        lines.add("已缴（元）：" + b.paid() + "　未缴（元）：" + b.outstanding() + "　状态："
                + msg("bill.status." + b.status().name()));
        lines.add("二、职工明细");
        lines.add("姓名\t公民身份号码\t险种\t缴费基数（元）\t单位应缴\t个人应缴");
        for (Bill.Line l : b.lines()) {
            lines.add(l.personName() + "\t" + l.idNumberMasked() + "\t" + msg("contribution.insurance." + l.insurance().name())
                    + "\t" + l.baseUsed() + "\t" + l.employerDue() + "\t" + l.personalDue());
        }
        if (b.illustrative()) {
            lines.add("注：本核定单所用社会平均工资等参数含示意值。");
        }
        return certificates.standing(new Certificates.Concerns(null, null, employerId,
                        "bill:" + employerId + ":" + month), b.regionCode(), DocumentKind.CONTRIBUTION_BILL, e.name(),
                lines);
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, ZH);
    }
}

package org.shebao.pension;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.shebao.casework.Case;
import org.shebao.casework.CaseQueries;
import org.shebao.casework.Certificates;
import org.shebao.casework.DocumentKind;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.ConflictException;
import org.shebao.identity.ShebaoUser;
import org.shebao.policy.Implements;
import org.shebao.policy.Measures;
import org.shebao.registry.Person;
import org.shebao.registry.Persons;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pension award notice (养老金核定通知, issue 16, N-3c): the award of a retirement case as decided at approval,
 * as a sealed PDF: the start month and the rule with its clauses (FJ-1.2, N-1d, SX-1a), every line of the calculation
 * with its source, the monthly amount, the settlement of pre-paid months (N-1b, FJ-1.3) or, short of the minimum,
 * why no monthly pension is paid. Issued on the first request and the same document afterwards (while the award
 * says the same); kept with the case, so it is listed among the case's documents. For the person (the case's
 * applicant) and staff of the case's region.
 */
@Implements(measure = "ELECTRONIC_SEAL_AND_ARCHIVE", rule = "养老金核定通知：核定后本人在线下载盖章PDF，载明计算过程与依据",
        ruleEn = "Pension award notice: a sealed PDF with the calculation and its sources, downloaded online")
@Service
@RequiredArgsConstructor
public class AwardNotices {
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private final Awards awards;
    private final CaseQueries queries;
    private final Persons persons;
    private final Certificates certificates;
    private final Measures measures;
    private final MessageSource messages;

    /** The notice of the retirement case (the user must be allowed to see the case); refused before the decision. */
    @Transactional
    public Certificates.Issued notice(ShebaoUser by, long caseId) {
        Case c = queries.get(by, caseId);
        Award a = awards.find(caseId).filter(x -> x.entitlement() != null)
                .orElseThrow(() -> new ConflictException("award", "error.document.noAward"));
        Person p = persons.person(by, a.personId());
        return certificates.standing(new Certificates.Concerns(caseId, a.personId(), null, "award:" + caseId),
                a.regionCode(), DocumentKind.PENSION_AWARD, Certificates.mask(p.name()), lines(c, a, p));
    }

    /** The notice of the person's own newest award (a portal user). */
    @Transactional
    public Certificates.Issued own(ShebaoUser by) {
        if (by.personId() == null) {
            throw new AccessDeniedToRecordException("award notice");
        }
        Award a = awards.ofPerson(by.personId()).orElseThrow(() ->
                new ConflictException("award", "error.document.noAward"));
        return notice(by, a.caseId());
    }

    private List<String> lines(Case c, Award a, Person p) {
        EntitlementDecision d = awards.entitlement(a);
        PensionCalculation calc = awards.calculation(a);
        List<String> lines = new ArrayList<>(List.of(
                "姓名：" + p.name(),
                "公民身份号码：" + p.maskedIdNumber(),
                "办件编号：" + c.reference(),
                "养老保险类型：" + msg("scheme." + a.scheme()),
                "达到退休年龄日期：" + a.retiredOn()));
        var shortfall = awards.shortfall(c.id());
        if (shortfall.isPresent()) {
            lines.add("核定结果：" + msg("award.short.reason", shortfall.get().months(), shortfall.get().required(),
                    shortfall.get().source()));
        } else if (calc != null) {
            lines.add("核定结果：按月领取基本养老金，月基本养老金（元）：" + calc.total());
            lines.add("待遇起始月份：" + d.firstMonth() + "（" + msg("award.rule." + d.rule()) + clauses(d.clauses()) + "）");
            if (d.arrearsMonths() > 0 && a.settlement() == null) {
                lines.add("补发：" + msg("award.arrears", d.arrearsMonths(), d.arrearsPayroll()) + clauses(d.clauses()));
            }
            lines.add("计算过程：");
            for (PensionCalculation.Line l : calc.lines()) {
                lines.add("　" + l.label() + "：" + l.value()
                        + (l.source() == null || l.source().isBlank() ? "" : "（依据：" + l.source() + "）"));
            }
            lines.add("　" + msg("award.total") + "（元）：" + calc.basicPart() + " + " + calc.accountPart() + " = "
                    + calc.total());
        }
        if (a.prepaid()) {
            Settlement s = awards.settlement(a);
            String prepayClauses = clauses(measures.clausesFor(Awards.PREPAY_MEASURE, a.regionCode()));
            lines.add("预发：自 " + a.prepaymentFrom() + " 起每月 " + a.prepaymentAmount() + " 元（" + a.prepaymentSource() + "）");
            if (s != null) {
                lines.add(msg("award.settlement") + prepayClauses + "：" + msg("award.settlement.total") + "（元）"
                        + s.total());
            }
        }
        return lines;
    }

    private static String clauses(List<String> ids) {
        return ids == null || ids.isEmpty() ? "" : "，" + String.join("、", ids);
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, ZH);
    }
}

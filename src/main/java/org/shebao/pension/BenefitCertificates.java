package org.shebao.pension;

import java.util.List;
import lombok.RequiredArgsConstructor;
import org.shebao.casework.Certificates;
import org.shebao.casework.DocumentKind;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.ConflictException;
import org.shebao.common.Money;
import org.shebao.identity.ShebaoUser;
import org.shebao.payroll.StandingOrders;
import org.shebao.policy.Implements;
import org.shebao.registry.Person;
import org.shebao.registry.Persons;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 待遇领取证明 (issue 16, N-3c): a pension recipient downloads, without a visit, a sealed PDF stating the pension
 * awarded (first month, monthly amount) that is being paid. One a day: asked again the same day, the same document;
 * on a later day, a new one that replaces it. Refused, with the reason, to a person who receives no pension.
 */
@Implements(measure = "ELECTRONIC_SEAL_AND_ARCHIVE", rule = "待遇领取证明：领取人在线开具盖章PDF，无需到现场",
        ruleEn = "Benefit certificate: a recipient downloads a sealed PDF online, no visit")
@Service
@RequiredArgsConstructor
public class BenefitCertificates {
    private final Awards awards;
    private final StandingOrders orders;
    private final Persons persons;
    private final Certificates certificates;

    /** The recipient's benefit certificate of today (issued now if none stands). */
    @Transactional
    public Certificates.Issued issue(ShebaoUser by) {
        if (by.personId() == null) {
            throw new AccessDeniedToRecordException("benefit certificate");
        }
        Award award = awards.ofPerson(by.personId()).orElseThrow(() ->
                new ConflictException("certificate", "error.document.noPension"));
        Money monthly = award.monthlyAmount() != null ? award.monthlyAmount() : award.prepaymentAmount();
        boolean paid = orders.ordersOf(by.personId()).stream().anyMatch(o -> !o.status().stopped());
        if (monthly == null || !paid) {
            throw new ConflictException("certificate", "error.document.noPension");
        }
        Person p = persons.person(by, by.personId());
        return certificates.current(award.caseId(), award.regionCode(), DocumentKind.BENEFIT_RECORD, p.name(), List.of(
                "姓名：" + p.name(),
                "公民身份号码：" + p.maskedIdNumber(),
                "待遇项目：基本养老金" + (award.monthlyAmount() == null ? "（预发）" : ""),
                "待遇起始月份：" + award.firstMonth(),
                "月待遇标准（元）：" + monthly,
                "截至出具日期，本人按月领取上述待遇。"));
    }

    /** The sealed PDF of the document just issued. */
    public byte[] pdf(ShebaoUser by, Certificates.Issued issued) {
        return certificates.pdf(by, issued.caseId(), issued.code());
    }
}

package org.shebao.workinjury;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.TestUsers;
import org.shebao.WebSession;
import org.shebao.casework.Case;
import org.shebao.casework.CaseIntake;
import org.shebao.casework.CaseType;
import org.shebao.casework.Channel;
import org.shebao.casework.Submission;
import org.shebao.casework.Upload;
import org.shebao.common.Money;
import org.shebao.contribution.Contributions;
import org.shebao.registry.Persons;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The minimum-wage top-up of the disability allowance (工伤保险条例 第三十五条) on the award page: a Xinzhou worker
 * injured in 2012 on a low wage, appraised grade 4; the allowance from the own wage is below Shanxi's minimum wage of
 * the conclusion day and the page shows the fund's top-up with the amount paid.
 */
@ShebaoIntegrationTest
@DisplayName("Disability allowance topped up to the local minimum wage (工伤保险条例 第三十五条) on the award page")
class DisabilityTopUpIT {
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestUsers users;
    @Autowired
    Recognitions recognitions;
    @Autowired
    Appraisals appraisals;
    @Autowired
    WorkInjuryBenefits benefits;
    @Autowired
    Contributions contributions;
    @Autowired
    CaseIntake intake;
    @Autowired
    Persons persons;

    @Test
    @DisplayName("第三十五条、第六十四条: injured 2012-03-10 on 1000.00 a month → own wage raised to 60% × 1711.00 = 1026.60; "
            + "grade 4: 75% = 769.95 < minimum wage 1125.00 (Shanxi, 2012) → the fund adds 355.05, 1125.00 a month")
    void toppedUp() throws Exception {
        long person = jdbc.sql("""
                SELECT p.id FROM registry_person p
                 WHERE p.region_code = '140900'
                   AND NOT EXISTS (SELECT 1 FROM workinjury_recognition w WHERE w.person_id = p.id)
                   AND NOT EXISTS (SELECT 1 FROM identity_user u WHERE u.person_id = p.id)
                   AND NOT EXISTS (SELECT 1 FROM registry_record_holding h WHERE h.person_id = p.id)
                   AND p.phone IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM payroll_order o WHERE o.person_id = p.id)
                   AND NOT EXISTS (SELECT 1 FROM contribution_bill_line b WHERE b.person_id = p.id)
                 ORDER BY p.id LIMIT 1""").query(Long.class).single();
        Recognition r = recognitions.apply(users.get("xz.clerk"), person, new Recognitions.Application("WORKER",
                "2012-03-10", "搬运钢材时砸伤左脚", false, false, false,
                List.of(new Recognitions.ClaimInput("POSTMARK", "2012-03-20", "挂号信邮戳 2012-03-20", null))));
        recognitions.accept(users.get("sx.injury"), r.id(), null, new Recognitions.Acceptance("2012-03-25", true), "SCREEN");
        recognitions.decide(users.get("sx.injury"), r.id(), null,
                new Recognitions.Decision("RECOGNIZED", "2012-04-05", "忻工伤认字〔2012〕021号", null), "SCREEN");
        WorkInjuryFixtures.yearlyWages(jdbc, contributions, person, "140900", 2011, 2012, Money.yuan("1000.00"));
        Appraisal a = appraisals.apply(users.get("xz.clerk"), person, r.id(), "2012-07-01");
        appraisals.conclude(users.get("sx.injury"), a.id(),
                new Appraisals.Conclusion("4", "NONE", "2012-09-01", "2012-09-03"),
                new Upload("EVIDENCE", "鉴定结论书.pdf", "application/pdf", WorkInjuryFixtures.pdf("grade 4")));
        String idNumber = persons.person(users.get("xz.clerk"), person).idNumber().value();
        Case c = intake.submit(users.get("xz.clerk"), new Submission(CaseType.WORK_INJURY_BENEFIT, Channel.PHONE,
                idNumber, Map.of("injuryDate", "2012-03-10", "description", "搬运钢材时砸伤左脚",
                        "bankAccount", "6222021001005550009"),
                List.of(new Upload("INJURY_RECOGNITION", "认定决定书.pdf", "application/pdf", WorkInjuryFixtures.pdf("r")),
                        new Upload("MEDICAL_RECORDS", "病历.pdf", "application/pdf", WorkInjuryFixtures.pdf("m"))),
                Set.of(), null, null)).c();

        BenefitRule.Benefits b = benefits.preview(users.get("xz.clerk"), c, LocalDate.of(2026, 1, 5)).preview().benefits();
        assertThat(b.ownWage().amount()).isEqualTo(Money.yuan("1026.60"));
        assertThat(b.monthlyComputed()).isEqualTo(Money.yuan("769.95"));
        assertThat(b.minimumWage()).isEqualTo(Money.yuan("1125.00"));
        assertThat(b.topUp()).isEqualTo(Money.yuan("355.05"));
        assertThat(b.monthlyAllowance()).as("what the payroll's order pays").isEqualTo(Money.yuan("1125.00"));

        String page = WebSession.login(port, "xz.clerk").get("/workinjury/benefits/" + c.id()).body();
        assertThat(page).contains("伤残津贴补足差额", "769.95", "355.05", "1125.00", "第三十五条")
                .doesNotContain("出错了");
    }
}

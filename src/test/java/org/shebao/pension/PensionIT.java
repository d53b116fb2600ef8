package org.shebao.pension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.TestUsers;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.casework.Case;
import org.shebao.casework.CaseIntake;
import org.shebao.casework.CaseType;
import org.shebao.casework.CaseWorkflow;
import org.shebao.casework.Channel;
import org.shebao.casework.Submission;
import org.shebao.casework.Upload;
import org.shebao.common.InvalidInputException;
import org.shebao.common.Money;
import org.shebao.identity.ShebaoUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import org.shebao.common.RegionCode;
import org.shebao.casework.Certificates;
import org.shebao.casework.DocumentKind;
import org.shebao.common.ConflictException;
import org.shebao.ledger.Ledger;
import org.shebao.payroll.Payroll;
import org.shebao.payroll.PayrollRun;
import org.shebao.registry.IdNumberCipher;

@ShebaoIntegrationTest
@DisplayName("Retirement on PostgreSQL: pre-payment at the FJ-1.3 standard, approval, settlement into the payroll")
class PensionIT {
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10};
    @Autowired
    CaseIntake intake;
    @Autowired
    CaseWorkflow workflow;
    @Autowired
    Awards awards;
    @Autowired
    TestUsers staff;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IdNumberCipher ids;
    @Autowired
    Payroll payroll;
    @Autowired
    Ledger ledger;

    @Test
    @DisplayName("FJ-1.3 / N-1b: a Fujian retiree with materials missing is pre-paid 1800 a month; an amount out of "
            + "range is refused; at approval the pension is computed and every pre-paid month settled (多扣少补)")
    void prepaymentAndSettlement() {
        Case c = intake.submit(staff.get("citizen.fz"), new Submission(CaseType.RETIREMENT, Channel.WEB, null,
                Map.of("scheme", "ENTERPRISE", "bankAccount", "6222021001001234567"),
                List.of(new Upload("ID_CARD", "id.jpg", "image/jpeg", JPEG)),
                Set.of("RETIREMENT_APPROVAL", "PERSONNEL_FILE"), "陈志强", null)).c();
        assertThat(c.form().get("retirementDate")).isEqualTo("2020-02-12");
        Case accepted = workflow.accept(staff.get("fz.clerk"), c.id(), c.version());
        ShebaoUser reviewer = staff.get("fz.reviewer");
        assertThat(awards.proposedPrepayment(reviewer, accepted).orElseThrow().getKey()).isEqualTo(Money.yuan("1800.00"));
        assertThatThrownBy(() -> awards.startPrepayment(reviewer, c.id(), "99999999"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations().get(0).code())
                        .isEqualTo("error.prepayment.range"));
        assertThat(awards.find(c.id())).isEmpty();
        Award prepaid = awards.startPrepayment(reviewer, c.id(), null);
        assertThat(prepaid.prepaymentAmount()).isEqualTo(Money.yuan("1800.00"));
        assertThat(prepaid.prepaymentSource()).isEqualTo("FJ-1.3");
        assertThat(prepaid.firstMonth()).isEqualTo(YearMonth.of(2020, 3));
        assertThat(jdbc.sql("SELECT flags FROM payroll_order WHERE kind = 'PREPAYMENT' AND source_ref = :r")
                .param("r", c.reference()).query(String.class).single()).contains("N-1b").contains("FJ-1.3");

        // this month's payroll pays the pre-payment and the pre-paid months since March 2020, to account 1221 (N-1e)
        PayrollRun run = payroll.open(staff.get("fz.finance"), new RegionCode("350100"),
                YearMonth.from(LocalDate.now()));
        payroll.execute(run.id());
        BigDecimal prepaidPaid = jdbc.sql("""
                SELECT sum(l.amount) FROM payroll_line l JOIN payroll_order o ON o.id = l.order_id
                 WHERE l.run_id = :r AND o.source_ref = :ref""").param("r", run.id()).param("ref", c.reference())
                .query(BigDecimal.class).single();
        long months = YearMonth.of(2020, 3).until(YearMonth.from(LocalDate.now()), ChronoUnit.MONTHS) + 1;
        assertThat(prepaidPaid).isEqualByComparingTo(new BigDecimal("1800.00").multiply(BigDecimal.valueOf(months)));

        Case pre = workflow.preReview(staff.get("fz.clerk2"), c.id(), accepted.version(), "待补材料，先行预发");
        workflow.approve(reviewer, c.id(), pre.version());
        Award done = awards.find(c.id()).orElseThrow();
        // a pension awarded ends the retiree's enrollments on the day retirement was reached (减员 by retirement)
        assertThat(jdbc.sql("SELECT count(*) FROM registry_enrollment WHERE person_id = :p AND ended_on IS NULL")
                .param("p", c.personId()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT DISTINCT end_reason || ' ' || ended_on || ' ' || ended_by FROM registry_enrollment"
                        + " WHERE person_id = :p AND ended_on >= :d").param("p", c.personId())
                .param("d", LocalDate.of(2020, 2, 12)).query(String.class).list())
                .containsExactly("RETIRED 2020-02-12 fz.reviewer");
        PensionCalculation calc = awards.calculation(done);
        assertThat(calc.total()).isEqualTo(done.monthlyAmount());
        assertThat(calc.lines()).anySatisfy(l -> assertThat(l.source()).contains("国发〔2005〕38号"));
        Settlement s = awards.settlement(done);
        YearMonth approval = YearMonth.from(LocalDate.now());
        assertThat(s.months()).hasSize((int) YearMonth.of(2020, 3).until(approval, ChronoUnit.MONTHS) + 1);
        assertThat(s.total()).isEqualTo(done.monthlyAmount().minus(Money.yuan("1800.00")).times(s.months().size()));
        BigDecimal scheduled = jdbc.sql("""
                SELECT COALESCE(sum(a.amount), 0) FROM payroll_adjustment a JOIN payroll_order o ON o.id = a.order_id
                 WHERE o.source_ref = :r AND o.kind = 'REGULAR' AND a.kind IN ('SETTLEMENT','DEDUCTION')""")
                .param("r", c.reference()).query(BigDecimal.class).single();
        assertThat(scheduled).isEqualByComparingTo(s.total().amount());
        assertThat(jdbc.sql("SELECT until_month FROM payroll_order WHERE kind = 'PREPAYMENT' AND source_ref = :r")
                .param("r", c.reference()).query(LocalDate.class).single()).isEqualTo(approval.minusMonths(1).atDay(1));
        // settlement moves what the pre-payment account received to pension expense
        long prepayOrder = jdbc.sql("SELECT id FROM payroll_order WHERE kind = 'PREPAYMENT' AND source_ref = :r")
                .param("r", c.reference()).query(Long.class).single();
        Ledger.Journal settledEntry = ledger.journal("prepayment-settled:" + prepayOrder).orElseThrow();
        assertThat(settledEntry.lines()).extracting(l -> l.account() + " " + l.debit() + " " + l.credit())
                .containsExactlyInAnyOrder("5001 " + prepaidPaid + " 0.00", "1221 0.00 " + prepaidPaid);

        // N-3c (issue 16): the recipient downloads the sealed 待遇领取证明 with the awarded amount; the same one today
        Certificates.Issued benefit = benefitCertificates.issue(staff.get("citizen.fz"));
        assertThat(benefit.kind()).isEqualTo(DocumentKind.BENEFIT_RECORD);
        assertThat(benefit.content()).contains("月待遇标准（元）：" + done.monthlyAmount()).contains("待遇起始月份：2020-03");
        assertThat(benefitCertificates.issue(staff.get("citizen.fz")).code()).isEqualTo(benefit.code());
        assertThat(new String(benefitCertificates.pdf(staff.get("citizen.fz"), benefit), 0, 5)).isEqualTo("%PDF-");
        // a person who receives no pension is told so
        assertThatThrownBy(() -> benefitCertificates.issue(staff.get("citizen.ty")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.violation().code())
                        .isEqualTo("error.document.noPension"));
    }

    @Autowired
    BenefitCertificates benefitCertificates;

    @Autowired
    RecordImports imports;

    @Test
    @DisplayName("SX-2 data exchange files as spreadsheets write them (Commons CSV): a quoted name with a comma is one "
            + "column, CRLF and blank lines keep the line numbers the user sees, an unclosed quote is named; nothing applied")
    void csvShapes() {
        ShebaoUser finance = staff.get("fz.finance");
        String text = "id_number,name,date\r\n\r\n\"350102199001011234\",\"王,某\",2020-01-15\r\n"
                + "350102199001011234,某人\r\n";
        RecordImports.Result r = imports.importFile(finance, RecordImports.Kind.DEATH,
                text.getBytes(StandardCharsets.UTF_8));
        assertThat(r.applied()).isFalse();
        assertThat(r.errors()).extracting(e -> e.line() + " " + e.code())
                .containsExactly("3 error.idNumber.checkDigit", "4 error.import.columns");
        RecordImports.Result quote = imports.importFile(finance, RecordImports.Kind.DEATH,
                "id_number,name,date\n350102199001011234,\"王某,2020-01-15\n".getBytes(StandardCharsets.UTF_8));
        assertThat(quote.errors()).extracting(e -> e.line() + " " + e.code()).containsExactly("2 error.import.quote");
    }

    @Test
    @DisplayName("N-1e / SX-2 data exchange: a file with malformed lines is refused line by line and changes nothing; "
            + "a good death file stops the matched recipient")
    void deathImport() {
        Object[] r = jdbc.sql("""
                SELECT p.id_cipher, p.name, o.id FROM payroll_order o JOIN registry_person p ON p.id = o.person_id
                 WHERE o.source_ref = 'demo' AND o.status = 'ACTIVE' AND p.region_code = '350100' ORDER BY o.id LIMIT 1""")
                .query((rs, i) -> new Object[] {ids.decrypt(rs.getBytes(1)), rs.getString(2), rs.getLong(3)}).single();
        String id = (String) r[0];
        String bad = "id_number,name,date\n" + id + "," + r[1] + ",2020-01-15\n"
                + id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1') + ",某人,2020-01-15\n"
                + "350102199001011234,某人,2020-02-30\n"
                + id + "," + r[1] + "\n"
                + "350102199001011234,某人,2099-01-01\n";
        ShebaoUser finance = staff.get("fz.finance");
        RecordImports.Result refused = imports.importFile(finance, RecordImports.Kind.DEATH, bad.getBytes());
        assertThat(refused.applied()).isFalse();
        assertThat(refused.errors()).extracting(RecordImports.LineError::line).contains(3, 4, 5, 6);
        assertThat(refused.errors()).extracting(RecordImports.LineError::code)
                .contains("error.idNumber.checkDigit", "error.date.impossible", "error.import.columns", "error.date.future");
        assertThat(jdbc.sql("SELECT status FROM payroll_order WHERE id = :id").param("id", r[2]).query(String.class)
                .single()).isEqualTo("ACTIVE");

        RecordImports.Result ok = imports.importFile(finance, RecordImports.Kind.DEATH,
                ("\uFEFFid_number,name,date\n" + id + "," + r[1] + ",2020-01-15\n").getBytes(StandardCharsets.UTF_8));
        assertThat(ok.applied()).isTrue();
        assertThat(ok.matched()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT status FROM payroll_order WHERE id = :id").param("id", r[2]).query(String.class)
                .single()).isEqualTo("STOPPED");
        RecordImports.Result wrongName = imports.importFile(finance, RecordImports.Kind.MATCH,
                (id + ",不是本人,2026-01-15\n").getBytes(StandardCharsets.UTF_8));
        assertThat(wrongName.errors()).extracting(RecordImports.LineError::code).containsExactly("error.import.name");
    }

    @Test
    @DisplayName("a retirement declared more than pension.retirement.earliestDeclarationMonths ahead is refused, nothing stored")
    void tooEarly() {
        int before = jdbc.sql("SELECT count(*) FROM casework_case").query(Integer.class).single();
        assertThatThrownBy(() -> intake.submit(staff.get("citizen.xm"), new Submission(CaseType.RETIREMENT, Channel.WEB, null,
                Map.of("scheme", "ENTERPRISE", "post", "CADRE", "bankAccount", "6222021001001234567"), List.of(), Set.of(),
                null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.violations().get(0).code()).isEqualTo("error.retirement.tooEarly");
                    assertThat(e.violations().get(0).args()).element(1).isEqualTo(3);
                });
        assertThat(jdbc.sql("SELECT count(*) FROM casework_case").query(Integer.class).single()).isEqualTo(before);
    }
}

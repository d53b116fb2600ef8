package org.shebao.contribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ApiClient;
import org.shebao.ApiClient.FilePart;
import org.shebao.ApiClient.Response;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.TestUsers;
import org.shebao.common.Money;
import org.shebao.common.Xlsx;
import org.shebao.contribution.BillFixtures.Employee;
import org.shebao.identity.ShebaoUser;
import org.shebao.registry.Employer;
import org.shebao.registry.EmployerSize;
import org.shebao.registry.Employers;
import org.shebao.registry.RegistryBulkLoad;
import org.shebao.registry.Persons;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Wage-base declarations and monthly bills (issue 11) on the real database, through the API as the employer's HR
 * clerk and the agency's clerk would use it. Average wage (illustrative, wages.yml): Fujian 2019 4815.00, so a 2020
 * base lies between 2889.00 (60%) and 14445.00 (300%). Fujian rates 2020: pension 16% / 8%, unemployment 0.5% / 0.5%
 * (illustrative), work injury class 1 (every employer's default risk class) 0.2%, employer only.
 */
@ShebaoIntegrationTest
@DisplayName("Declarations (缴费基数申报) and the monthly bill (核定), issue 11")
class DeclarationsAndBillsIT extends ContributionIntegration {

    private static byte[] csv(String... lines) {
        return ("\uFEFF公民身份号码,姓名,费款所属期,缴费工资基数（元）\r\n" + String.join("\r\n", lines) + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private Response upload(String user, long employerId, String fileName, byte[] bytes) {
        return api.multipart(user, "/api/v1/employers/" + employerId + "/declarations/file", "{}",
                List.of(new FilePart("file", fileName, "application/octet-stream", bytes)), Map.of());
    }

    /** Rows of the tables a declaration or a bill writes, and of the operation log (but the API's logins). */
    private Map<String, Long> counts() {
        return Map.of(
                "declaration", count("contribution_declaration"), "line", count("contribution_declaration_line"),
                "bill", count("contribution_bill"), "billLine", count("contribution_bill_line"),
                "audit", jdbc.sql("SELECT count(*) FROM audit_log WHERE action NOT IN ('LOGIN_SUCCEEDED', 'LOGIN_FAILED')")
                        .query(Long.class).single());
    }

    @Test
    @DisplayName("国办发〔2019〕13号: a good CSV (BOM, header) is applied: a yearly base and a monthly line, each base "
            + "clamped to 60%–300% with the reason stored; the monthly line overrides the yearly base in its month")
    void goodCsvApplied() {
        Employer e = employer(EmployerSize.SMALL);
        Employee a = employee(e, "张晓明");
        Employee b = employee(e, "李红");
        Response r = upload("fz.clerk", e.id(), "申报.csv", csv(
                a.idNumber() + "," + a.name() + ",2020,6000",
                b.idNumber() + "," + b.name() + ",2020,2000.00",
                b.idNumber() + "," + b.name() + ",2020-03,\"20,000.00\""));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        assertThat(r.body().path("lines").asInt()).isEqualTo(3);
        assertThat(r.body().path("declarations")).hasSize(2);
        List<Map<String, Object>> rows = jdbc.sql("""
                        SELECT d.month, d.channel, l.line_no, l.declared_base, l.base_used, l.clamp, l.clamp_reason
                          FROM contribution_declaration d JOIN contribution_declaration_line l
                            ON l.declaration_id = d.id AND l.region_code = d.region_code
                         WHERE d.employer_id = :e ORDER BY l.line_no""")
                .param("e", e.id()).query().listOfRows();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get("base_used").toString()).isEqualTo("6000.00");
        assertThat(rows.get(0).get("clamp")).isEqualTo("WITHIN");
        assertThat(rows.get(0).get("channel")).isEqualTo("CSV");
        // 2000.00 < 4815.00 × 60% = 2889.00: the floor
        assertThat(rows.get(1).get("base_used").toString()).isEqualTo("2889.00");
        assertThat(rows.get(1).get("clamp")).isEqualTo("RAISED_TO_FLOOR");
        assertThat((String) rows.get(1).get("clamp_reason")).contains("低于缴费基数下限2889.00元");
        // 20000.00 > 4815.00 × 300% = 14445.00: the ceiling, for March only
        assertThat(rows.get(2).get("month")).isEqualTo(3);
        assertThat(rows.get(2).get("base_used").toString()).isEqualTo("14445.00");
        assertThat(rows.get(2).get("clamp")).isEqualTo("LOWERED_TO_CEILING");

        Bill march = bills.assess(clerk, e.id(), YearMonth.of(2020, 3)).bill();
        Bill april = bills.assess(clerk, e.id(), YearMonth.of(2020, 4)).bill();
        assertThat(march.lines().stream().filter(l -> l.personId() == b.personId()).findFirst().orElseThrow())
                .satisfies(l -> {
                    assertThat(l.baseFrom()).isEqualTo(Bill.BaseFrom.MONTHLY);
                    assertThat(l.baseUsed()).isEqualTo(Money.yuan("14445.00"));
                });
        assertThat(april.lines().stream().filter(l -> l.personId() == b.personId()).findFirst().orElseThrow())
                .satisfies(l -> {
                    assertThat(l.baseFrom()).isEqualTo(Bill.BaseFrom.YEARLY);
                    assertThat(l.baseUsed()).isEqualTo(Money.yuan("2889.00"));
                });
    }

    @Test
    @DisplayName("the agency's Excel template (downloaded from the API), filled in and uploaded, is applied; its ID "
            + "number and period columns are text")
    void excelTemplateApplied() throws Exception {
        Employer e = employer(EmployerSize.SMALL);
        Employee a = employee(e, "王芳");
        Response t = api.get("fz.clerk", "/api/v1/employers/" + e.id() + "/declarations/template?format=xlsx");
        assertThat(t.status()).isEqualTo(200);
        assertThat(t.raw().headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
        assertThat(api.get("fz.clerk", "/api/v1/employers/" + e.id() + "/declarations/template?format=csv").raw()
                .body()).contains("公民身份号码,姓名,费款所属期");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Xlsx.write(out, "申报", List.of("公民身份号码", "姓名", "费款所属期", "缴费工资基数（元）"),
                List.of(List.of(a.idNumber(), a.name(), "2020-05", new java.math.BigDecimal("5000.00"))));
        Response r = upload("fz.clerk", e.id(), "申报.xlsx", out.toByteArray());
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        assertThat(r.body().path("declarations").path(0).path("channel").asString()).isEqualTo("XLSX");
        assertThat(r.body().path("declarations").path(0).path("period").asString()).isEqualTo("2020-05");
    }

    @Test
    @DisplayName("a file with bad lines is refused (400): every bad line named with its number and reason in Chinese "
            + "(not an employee, negative, absurd, malformed, duplicate, future month), and nothing is written")
    void badLinesRejectedNothingWritten() {
        Employer e = employer(EmployerSize.SMALL);
        Employee a = employee(e, "赵强");
        Employee b = employee(e, "钱丽");
        Map<String, Long> before = counts();
        Response r = upload("fz.clerk", e.id(), "申报.csv", csv(
                a.idNumber() + "," + a.name() + ",2020-03,5000",                 // line 2: good
                "350102198001010011," + "孙某,2020-03,5000",                      // 3: not this employer's
                b.idNumber() + "," + b.name() + ",2020-03,-100",                 // 4: negative
                b.idNumber() + "," + b.name() + ",2020-04,50000000",             // 5: absurd
                b.idNumber() + "," + b.name() + ",2020-05,五千",                  // 6: malformed
                a.idNumber() + "," + a.name() + ",2020-03,5100",                 // 7: duplicate of line 2
                a.idNumber() + "," + a.name() + "," + YearMonth.now().plusMonths(2) + ",5000")); // 8: future
        assertThat(r.status()).isEqualTo(400);
        JsonNode errors = r.body().path("errors");
        List<String> fields = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        errors.forEach(x -> {
            fields.add(x.path("field").asString());
            messages.add(x.path("message").asString());
        });
        assertThat(fields).containsExactly("lines[3].idNumber", "lines[4].base", "lines[5].base", "lines[6].base",
                "lines[7].idNumber", "lines[8].period");
        assertThat(messages.get(0)).startsWith("第3行：").contains("不是本单位").contains("参保职工");
        assertThat(messages.get(1)).startsWith("第4行：").contains("不能为负数");
        assertThat(messages.get(2)).startsWith("第5行：").contains("超出合理范围");
        assertThat(messages.get(3)).startsWith("第6行：").contains("「五千」不是有效金额");
        assertThat(messages.get(4)).startsWith("第7行：").contains("与第2行重复");
        assertThat(messages.get(5)).startsWith("第8行：").contains("尚未到来");
        assertThat(counts()).as("nothing written, not even the good line").isEqualTo(before);
        // in English when asked
        Response en = api.send("fz.clerk", "POST", "/api/v1/employers/" + e.id() + "/declarations",
                Map.of("lines", List.of(Map.of("idNumber", a.idNumber(), "name", a.name(), "period", "2020-13",
                        "base", 5000))), "en");
        assertThat(en.status()).isEqualTo(400);
        assertThat(en.firstErrorMessage()).startsWith("Line 1:").contains("2020-13");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    @DisplayName("an employer acting for another employer is refused (403) and nothing is written; a reviewer may "
            + "read but not declare")
    void anotherEmployerRefused() {
        Employer other = employer(EmployerSize.SMALL);
        Employee a = employee(other, "周杰");
        Map<String, Long> before = counts();
        assertThat(upload("employer.fz", other.id(), "申报.csv", csv(a.idNumber() + "," + a.name() + ",2020-03,5000"))
                .status()).isEqualTo(403);
        assertThat(api.post("employer.fz", "/api/v1/employers/" + other.id() + "/declarations",
                Map.of("lines", List.of(Map.of("idNumber", a.idNumber(), "name", a.name(), "period", "2020-03",
                        "base", 5000)))).status()).isEqualTo(403);
        assertThat(api.post("employer.fz", "/api/v1/employers/" + other.id() + "/bills", Map.of("month", "2020-03"))
                .status()).isEqualTo(403);
        assertThat(api.get("employer.fz", "/api/v1/employers/" + other.id() + "/bills").status()).isEqualTo(403);
        assertThat(upload("xm.clerk", other.id(), "申报.csv", csv(a.idNumber() + "," + a.name() + ",2020-03,5000"))
                .status()).as("a clerk of another city").isEqualTo(403);
        assertThat(upload("fz.reviewer", other.id(), "申报.csv", csv(a.idNumber() + "," + a.name() + ",2020-03,5000"))
                .status()).isEqualTo(403);
        assertThat(api.get("fz.reviewer", "/api/v1/employers/" + other.id() + "/declarations").status())
                .isEqualTo(200);
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    @DisplayName("declaring a month again replaces its lines: the earlier declaration is kept as superseded, the new one "
            + "names it, the operation log says so, and the open bill of that month is recomputed")
    void redeclaringReplacesAndRecomputes() {
        Employer e = employer(EmployerSize.SMALL);
        Employee a = employee(e, "吴敏");
        assertThat(upload("fz.clerk", e.id(), "1.csv", csv(a.idNumber() + "," + a.name() + ",2020-03,5000")).status())
                .isEqualTo(201);
        Bill first = bills.assess(clerk, e.id(), YearMonth.of(2020, 3)).bill();
        assertThat(first.personalDue()).isEqualTo(Money.yuan("425.00")); // 5000 × 8% + 5000 × 0.5%
        Response r = upload("fz.clerk", e.id(), "2.csv", csv(a.idNumber() + "," + a.name() + ",2020-03,6000"));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.body().path("billsRecomputed").path(0).asString()).isEqualTo("2020-03");
        List<Declaration> history = declarations.declarations(clerk, e.id());
        assertThat(history).hasSize(2);
        assertThat(history.get(0).current()).isTrue();
        assertThat(history.get(0).replaces()).isEqualTo(history.get(1).id());
        assertThat(history.get(1).current()).isFalse();
        assertThat(jdbc.sql("SELECT detail FROM audit_log WHERE action = 'DECLARATION_SUBMITTED' ORDER BY seq DESC LIMIT 1")
                .query(String.class).single()).contains("replaces declaration " + history.get(1).id());
        Bill after = bills.bill(clerk, e.id(), YearMonth.of(2020, 3)).orElseThrow();
        assertThat(after.id()).isEqualTo(first.id());
        assertThat(after.version()).isEqualTo(first.version() + 1);
        assertThat(after.personalDue()).isEqualTo(Money.yuan("510.00")); // 6000 × 8% + 6000 × 0.5%
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'BILL_RECOMPUTED' AND target = :t")
                .param("t", "employer " + e.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    @DisplayName("twelve parallel requests for the same month's bill make one bill (201 once, 200 for the others)")
    void parallelBillCreationGivesOneBill() throws Exception {
        Employer e = employer(EmployerSize.SMALL);
        Employee a = employee(e, "郑伟");
        assertThat(upload("fz.clerk", e.id(), "1.csv", csv(a.idNumber() + "," + a.name() + ",2020,5000")).status())
                .isEqualTo(201);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                calls.add(() -> api.post("fz.clerk", "/api/v1/employers/" + e.id() + "/bills", Map.of("month", "2020-04"))
                        .status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(11);
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM contribution_bill WHERE employer_id = :e AND year = 2020 AND month = 4")
                .param("e", e.id()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'BILL_ASSESSED' AND target = :t")
                .param("t", "employer " + e.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    @DisplayName("人社部发〔2020〕11号 第一条 / 49号: a small enterprise's March 2020 bill — employer shares of the three "
            + "insurances exempt, the personal shares due, the relief's source on every relieved line")
    void smallEnterpriseMarch2020Exempt() {
        Employer e = employer(EmployerSize.SMALL);
        Employee a = employee(e, "冯晨");
        declarations.declare(clerk, e.id(), List.of(new DeclaredLine(1, a.idNumber(), a.name(), "2020-03", "5000")));
        Bill bill = bills.assess(clerk, e.id(), YearMonth.of(2020, 3)).bill();
        // base 5000.00 (within 2889.00–14445.00)
        // pension:      5000.00 × 16%  = 800.00 employer, exempt → due 0.00; personal × 8%   = 400.00
        // unemployment: 5000.00 × 0.5% =  25.00 employer, exempt → due 0.00; personal × 0.5% =  25.00
        // work injury:  5000.00 × 0.2% =  10.00 employer (risk class 1), exempt → due 0.00; no personal share
        // employer: full 835.00, relieved 835.00, due 0.00; personal 425.00; total due 425.00
        assertThat(bill.reliefKind()).isEqualTo(Relief.Kind.EXEMPT);
        assertThat(bill.riskClass()).isEqualTo(1);
        assertThat(bill.employerFull()).isEqualTo(Money.yuan("835.00"));
        assertThat(bill.employerRelieved()).isEqualTo(Money.yuan("835.00"));
        assertThat(bill.employerDue()).isEqualTo(Money.yuan("0.00"));
        assertThat(bill.personalDue()).isEqualTo(Money.yuan("425.00"));
        assertThat(bill.totalDue()).isEqualTo(Money.yuan("425.00"));
        assertThat(bill.lines()).hasSize(3).allSatisfy(l -> {
            assertThat(l.relieved()).isTrue();
            assertThat(l.reliefSource()).contains("人社部发〔2020〕11号").contains("人社部发〔2020〕49号");
            assertThat(l.reliefDocuments()).isEqualTo("人社部发〔2020〕11号、人社部发〔2020〕49号");
        });
        Response json = api.get("fz.clerk", "/api/v1/employers/" + e.id() + "/bills/2020-03");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.body().path("reliefName").asString()).isEqualTo("阶段性免征单位缴费部分");
        assertThat(json.body().path("byInsurance").path(0).path("insuranceName").asString()).isEqualTo("基本养老保险");
        assertThat(json.body().path("byInsurance").path(0).path("employerRelieved").decimalValue())
                .isEqualByComparingTo("800.00");
    }

    @Test
    @DisplayName("人社部发〔2020〕49号 第一条: a large enterprise's employer shares are halved in June 2020 and due in "
            + "full from July 2020")
    void largeEnterpriseHalvingEndsInJune2020() {
        Employer e = employer(EmployerSize.LARGE);
        Employee a = employee(e, "陈刚");
        declarations.declare(clerk, e.id(), List.of(new DeclaredLine(1, a.idNumber(), a.name(), "2020", "6000.00")));
        Bill june = bills.assess(clerk, e.id(), YearMonth.of(2020, 6)).bill();
        // base 6000.00 (yearly), Fuzhou
        // pension:      6000.00 × 16%  = 960.00 → halved 480.00 due, 480.00 relieved; personal × 8%   = 480.00
        // unemployment: 6000.00 × 0.5% =  30.00 → halved  15.00 due,  15.00 relieved; personal × 0.5% =  30.00
        // work injury:  6000.00 × 0.2% =  12.00 → halved   6.00 due,   6.00 relieved (risk class 1)
        // employer: full 1002.00, relieved 501.00, due 501.00; personal 510.00; total 1011.00
        assertThat(june.reliefKind()).isEqualTo(Relief.Kind.REDUCED);
        assertThat(june.reliefCode()).isEqualTo("HALVED");
        assertThat(june.employerFull()).isEqualTo(Money.yuan("1002.00"));
        assertThat(june.employerRelieved()).isEqualTo(Money.yuan("501.00"));
        assertThat(june.employerDue()).isEqualTo(Money.yuan("501.00"));
        assertThat(june.personalDue()).isEqualTo(Money.yuan("510.00"));
        assertThat(june.totalDue()).isEqualTo(Money.yuan("1011.00"));
        assertThat(june.lines()).allSatisfy(l -> assertThat(l.reliefSource()).contains("减半征收"));
        Bill july = bills.assess(clerk, e.id(), YearMonth.of(2020, 7)).bill();
        // July: no relief in force for large enterprises: employer 960.00 + 30.00 + 12.00 = 1002.00 due
        assertThat(july.reliefKind()).isEqualTo(Relief.Kind.NONE);
        assertThat(july.employerRelieved()).isEqualTo(Money.yuan("0.00"));
        assertThat(july.employerDue()).isEqualTo(Money.yuan("1002.00"));
        assertThat(july.totalDue()).isEqualTo(Money.yuan("1512.00"));
        assertThat(july.lines()).allSatisfy(l -> assertThat(l.reliefSource()).isNull());
    }

    @Test
    @DisplayName("a bill is refused with the reason for an employer not yet classified by size, and for a month to come")
    void billRefusals() {
        Map<String, Long> before = counts();
        long unclassified = jdbc.sql("SELECT min(id) FROM registry_employer WHERE region_code = '350100' AND size_class IS NULL")
                .query(Long.class).single();
        Response r = api.post("fz.clerk", "/api/v1/employers/" + unclassified + "/bills", Map.of("month", "2020-03"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.firstErrorMessage()).contains("尚未核定企业规模");
        Response future = api.post("fz.clerk", "/api/v1/employers/" + unclassified + "/bills",
                Map.of("month", YearMonth.now().plusMonths(1).toString()));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.firstErrorMessage()).contains("尚未到来");
        assertThat(api.post("fz.clerk", "/api/v1/employers/" + unclassified + "/bills", Map.of("month", "2020-3"))
                .status()).isEqualTo(400);
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    @DisplayName("N-5a: a declaration of 2020-03 made today, long after its bill fell due (2020-04-15), is accepted, not "
            + "refused for lateness, and flagged N-5a while Fujian's emergency measure is in force; this month's is in time")
    void lateDeclarationAcceptedAndFlagged() {
        Employer e = employer(EmployerSize.SMALL);
        Employee a = employee(e, "李逾期");
        String thisMonth = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        Declaration.Outcome o = declarations.declare(users.get("fz.clerk"), e.id(), List.of(
                new DeclaredLine(1, a.idNumber(), a.name(), "2020-03", "5000"),
                new DeclaredLine(2, a.idNumber(), a.name(), thisMonth, "5000")));
        Declaration late = o.declarations().stream().filter(d -> d.period().toString().equals("2020-03")).findFirst()
                .orElseThrow();
        assertThat(late.dueOn()).hasToString("2020-04-15");
        assertThat(late.flagList()).containsExactly("N-5a");
        Declaration now = o.declarations().stream().filter(d -> d.period().toString().equals(thisMonth)).findFirst()
                .orElseThrow();
        assertThat(now.late()).isFalse();
        assertThat(now.flagged()).isFalse();
        JsonNode dto = api.get("fz.clerk", "/api/v1/employers/" + e.id()
                + "/declarations/" + late.id()).body();
        assertThat(dto.path("lateAfter").asString()).isEqualTo("2020-04-15");
        assertThat(dto.path("flags").get(0).asString()).isEqualTo("N-5a");
    }
}

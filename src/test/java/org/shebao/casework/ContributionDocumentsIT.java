package org.shebao.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.AllAtOnce;
import org.shebao.ApiClient;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.TestUsers;
import org.shebao.WebSession;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;
import org.shebao.contribution.Bill;
import org.shebao.contribution.BillFixtures;
import org.shebao.contribution.Bills;
import org.shebao.contribution.Contributions;
import org.shebao.contribution.DeclaredLine;
import org.shebao.contribution.Declarations;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.shebao.identity.Users;
import org.shebao.registry.Employer;
import org.shebao.registry.EmployerSize;
import org.shebao.registry.Employers;
import org.shebao.registry.Person;
import org.shebao.registry.Persons;
import org.shebao.registry.RegistryBulkLoad;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

@ShebaoIntegrationTest
@DisplayName("N-3c sealed 缴费明细 and 核定单: downloaded by whom they concern, verified by pdfsig, one document while "
        + "nothing changed, a new one that replaces it after a change")
class ContributionDocumentsIT {
    @Autowired
    ContributionDocuments documents;
    @Autowired
    Certificates certificates;
    @Autowired
    Contributions contributions;
    @Autowired
    Persons persons;
    @Autowired
    Employers employers;
    @Autowired
    RegistryBulkLoad bulk;
    @Autowired
    Declarations declarations;
    @Autowired
    Bills bills;
    @Autowired
    Users users;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    TestUsers staff;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    private static void sealedAndWhole(byte[] pdf, String code) throws Exception {
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/documents"));
        java.nio.file.Files.write(java.nio.file.Path.of("target/documents/" + code + ".pdf"), pdf);
        assertThat(Pdfsig.report(pdf)).contains("Signature is Valid").contains("Total document signed");
        assertThat(Pdfsig.report(Pdfsig.tampered(pdf, code))).contains("Digest Mismatch")
                .doesNotContain("Signature is Valid");
    }

    @Test
    @DisplayName("N-3c 缴费明细: the Fuzhou clerk downloads a person's detail (name, years, bases, credits from the rights "
            + "record the pension reads); pdfsig: valid, broken after one byte; Xiamen's clerk and another citizen get "
            + "403; asked again the same document, 8 at once one document; a new paid year makes a new one that "
            + "replaces it")
    void contributionDetail() throws Exception {
        ShebaoUser clerk = staff.get("fz.clerk");
        Person p = BillFixtures.person(persons, clerk, "缴费明细测试");
        contributions.copyYears(out -> {
            out.accept(new Contributions.YearRow(p.id(), 2001, "350100", null, 12, Money.yuan("3000.00"),
                    Money.yuan("2880.00")));
            out.accept(new Contributions.YearRow(p.id(), 2002, "350100", null, 6, Money.yuan("3500.00"),
                    Money.yuan("1680.00")));
        });
        WebSession fz = WebSession.login(port, "fz.clerk");
        assertThat(fz.get("/registry/persons/" + p.id() + "/contributions").body()).contains("下载缴费明细（盖章PDF）");
        HttpResponse<byte[]> pdf = fz.bytes("/registry/persons/" + p.id() + "/contributions/detail.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        String code = Downloads.code(pdf);
        Certificates.Issued doc = certificates.byCode(code).orElseThrow();
        assertThat(doc.kind()).isEqualTo(DocumentKind.CONTRIBUTION_DETAIL);
        assertThat(doc.personId()).isEqualTo(p.id());
        assertThat(doc.holder()).isEqualTo("缴*****");
        assertThat(Archive.sha256(pdf.body())).isEqualTo(doc.pdfSha256());
        assertThat(Downloads.text(pdf.body())).contains("社会保险个人缴费明细").contains("缴费明细测试").contains("累计缴费月数：18")
                .contains("2001").contains("3000.00").contains("2880.00").contains("2002").contains("3500.00")
                .contains("1680.00").contains("个人账户记账额合计（元）：4560.00").contains("/verify/" + code)
                .doesNotContain(p.idNumber().value());
        sealedAndWhole(pdf.body(), code);

        // not another region's staff, not another citizen (web and API)
        assertThat(WebSession.login(port, "xm.clerk").bytes("/registry/persons/" + p.id() + "/contributions/detail.pdf")
                .statusCode()).isEqualTo(403);
        assertThat(Downloads.api(port, "citizen.fz", "/api/v1/persons/" + p.id() + "/contribution-detail.pdf").statusCode())
                .isEqualTo(403);
        assertThat(Downloads.api(port, "xm.clerk", "/api/v1/persons/" + p.id() + "/contribution-detail.pdf").statusCode())
                .isEqualTo(403);

        // nothing changed: the same document, also over the API and asked 8 times at once
        HttpResponse<byte[]> again = Downloads.api(port, "fz.clerk", "/api/v1/persons/" + p.id() + "/contribution-detail.pdf");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(pdf.body());
        List<String> codes = AllAtOnce.run(Collections.nCopies(8,
                (Callable<String>) () -> documents.detail(clerk, p.id()).code()));
        assertThat(codes).containsOnly(code);
        assertThat(jdbc.sql("SELECT count(*) FROM casework_certificate WHERE person_id = :p").param("p", p.id())
                .query(Integer.class).single()).isOne();

        // a year paid since: a new document that replaces the old one
        contributions.copyYears(out -> out.accept(new Contributions.YearRow(p.id(), 2003, "350100", null, 12,
                Money.yuan("4000.00"), Money.yuan("3840.00"))));
        Certificates.Issued renewed = documents.detail(clerk, p.id());
        assertThat(renewed.code()).isNotEqualTo(code);
        assertThat(renewed.replacesCode()).isEqualTo(code);
        assertThat(renewed.content()).contains("累计缴费月数：30").contains("3840.00");
        assertThat(WebSession.anonymous(port).get("/verify/" + code).body()).contains(renewed.code())
                .contains("社会保险个人缴费明细");
    }

    @Test
    @DisplayName("N-3c 缴费明细 in the portal and the app: citizen.xz downloads their own from the rights-record page and "
            + "over /api/v1/me; an employer user has no person and gets 403")
    void ownDetail() throws Exception {
        ShebaoUser citizen = staff.get("citizen.xz");
        String name = persons.person(citizen, citizen.personId()).name();
        WebSession portal = WebSession.login(port, "citizen.xz");
        assertThat(portal.get("/portal/contributions").body()).contains("/portal/contributions/detail.pdf");
        HttpResponse<byte[]> pdf = portal.bytes("/portal/contributions/detail.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        int months = contributions.rightsRecord(citizen.personId()).totalMonths();
        assertThat(Downloads.text(pdf.body())).contains(name).contains("累计缴费月数：" + months);
        HttpResponse<byte[]> app = Downloads.api(port, "citizen.xz", "/api/v1/me/contribution-detail.pdf");
        assertThat(app.statusCode()).isEqualTo(200);
        assertThat(Downloads.code(app)).isEqualTo(Downloads.code(pdf));
        assertThat(Downloads.api(port, "employer.xz", "/api/v1/me/contribution-detail.pdf").statusCode()).isEqualTo(403);
    }

    @Test
    @DisplayName("N-3c 核定单: the employer downloads its March 2020 bill from the bill page (the employer, the employee, "
            + "the amounts per insurance and in total, the relief and its documents); pdfsig: valid, broken after one "
            + "byte; another employer and another region's clerk get 403; a recomputed bill makes a new document")
    void bill() throws Exception {
        ShebaoUser clerk = staff.get("fz.clerk");
        Employer e = BillFixtures.employer(employers, clerk, EmployerSize.SMALL);
        BillFixtures.Employee a = BillFixtures.employee(persons, bulk, clerk, e.id(), "核定单职工");
        declarations.declare(clerk, e.id(), List.of(new DeclaredLine(1, a.idNumber(), a.name(), "2020-03", "5000")));
        Bill b = bills.assess(clerk, e.id(), YearMonth.of(2020, 3)).bill();
        String user = "doc2.employer." + e.id();
        users.create(new Users.NewUser(user, encoder.encode(ApiClient.PASSWORD), e.name(), Role.EMPLOYER,
                new RegionCode("350100"), null, e.id()));

        WebSession employer = WebSession.login(port, user);
        assertThat(employer.get("/portal/declarations").body()).contains("/portal/bills/2020-03/bill.pdf");
        assertThat(employer.get("/portal/bills/2020-03").body()).contains("/portal/bills/2020-03/bill.pdf")
                .contains("下载核定单（盖章PDF）");
        HttpResponse<byte[]> pdf = employer.bytes("/portal/bills/2020-03/bill.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        String code = Downloads.code(pdf);
        Certificates.Issued doc = certificates.byCode(code).orElseThrow();
        assertThat(doc.kind()).isEqualTo(DocumentKind.CONTRIBUTION_BILL);
        assertThat(doc.employerId()).isEqualTo(e.id());
        assertThat(doc.holder()).isEqualTo(e.name());
        assertThat(doc.retentionYears()).isEqualTo(30);
        String text = Downloads.text(pdf.body());
        assertThat(text).contains("社会保险费核定单").contains(e.name()).contains("2020年3月").contains("核定单职工")
                .contains(b.totalDue().toString()).contains(b.employerDue().toString())
                .contains(b.personalDue().toString()).contains("基本养老保险").contains("人社部发〔2020〕")
                .doesNotContain(a.idNumber());
        sealedAndWhole(pdf.body(), code);

        // staff of the region by the page and the API: the same document; others: 403
        HttpResponse<byte[]> staffPdf = WebSession.login(port, "fz.clerk")
                .bytes("/registry/employers/" + e.id() + "/bills/2020-03/bill.pdf");
        assertThat(Downloads.code(staffPdf)).isEqualTo(code);
        assertThat(Downloads.api(port, "fz.clerk", "/api/v1/employers/" + e.id() + "/bills/2020-03/bill.pdf").statusCode())
                .isEqualTo(200);
        assertThat(Downloads.api(port, "employer.fz", "/api/v1/employers/" + e.id() + "/bills/2020-03/bill.pdf").statusCode())
                .isEqualTo(403);
        assertThat(Downloads.api(port, "ty.clerk", "/api/v1/employers/" + e.id() + "/bills/2020-03/bill.pdf").statusCode())
                .isEqualTo(403);
        // a month without a bill, a month that is no month
        assertThat(employer.bytes("/portal/bills/2019-01/bill.pdf").statusCode()).isEqualTo(404);
        assertThat(Downloads.api(port, user, "/api/v1/employers/" + e.id() + "/bills/2020-13/bill.pdf").statusCode()).isEqualTo(400);

        // the declaration corrected: the bill is recomputed, the next download is a new document replacing the old
        declarations.declare(clerk, e.id(), List.of(new DeclaredLine(1, a.idNumber(), a.name(), "2020-03", "6000")));
        Bill recomputed = bills.assess(clerk, e.id(), YearMonth.of(2020, 3)).bill();
        assertThat(recomputed.totalDue()).isNotEqualTo(b.totalDue());
        Certificates.Issued renewed = documents.bill(clerk, e.id(), YearMonth.of(2020, 3));
        assertThat(renewed.replacesCode()).isEqualTo(code);
        assertThat(renewed.content()).contains(recomputed.totalDue().toString());
    }
}

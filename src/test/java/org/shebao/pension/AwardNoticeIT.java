package org.shebao.pension;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ApiClient;
import org.shebao.CaseSteps;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.TestUsers;
import org.shebao.WebSession;
import org.shebao.casework.Archive;
import org.shebao.casework.Case;
import org.shebao.casework.CaseIntake;
import org.shebao.casework.CaseType;
import org.shebao.casework.Certificates;
import org.shebao.casework.Channel;
import org.shebao.casework.DocumentKind;
import org.shebao.casework.Downloads;
import org.shebao.casework.Pdfsig;
import org.shebao.casework.Submission;
import org.shebao.common.IdNumber;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;
import org.shebao.contribution.Contributions;
import org.shebao.identity.Role;
import org.shebao.identity.Users;
import org.shebao.registry.PersonData;
import org.shebao.registry.Persons;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

@ShebaoIntegrationTest
@DisplayName("N-3c sealed pension award notice: the calculation, the start month and its clauses, the monthly amount; "
        + "for the retiree and the agency of the case")
class AwardNoticeIT {
    @Autowired
    AwardNotices notices;
    @Autowired
    Awards awards;
    @Autowired
    Certificates certificates;
    @Autowired
    CaseIntake intake;
    @Autowired
    CaseSteps steps;
    @Autowired
    Persons persons;
    @Autowired
    Contributions contributions;
    @Autowired
    Users users;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    TestUsers staff;
    @Autowired
    Clock clock;
    @LocalServerPort
    int port;

    /** A Taiyuan man of 61 with 25 years paid (2000–2024 at 4,000 a month), whose retirement a clerk declares. */
    private Case declared(int seq, String name) {
        LocalDate birth = LocalDate.now(clock).minusYears(61).withDayOfMonth(20);
        String first17 = "140100" + birth.toString().replace("-", "") + String.format("%03d", seq);
        String id = first17 + IdNumber.checkChar(first17);
        long person = persons.registerPerson(staff.get("ty.clerk"), new PersonData(id, name,
                "1390000" + String.format("%04d", seq), "140100", "140100")).id();
        List<Contributions.YearRow> rows = new ArrayList<>();
        for (int year = 2000; year < 2025; year++) {
            rows.add(new Contributions.YearRow(person, year, "140100", null, 12, Money.yuan("4000.00"),
                    Money.yuan("3840.00")));
        }
        contributions.copyYears(out -> rows.forEach(out));
        Case c = intake.submit(staff.get("ty.clerk"), new Submission(CaseType.RETIREMENT, Channel.PHONE, id,
                Map.of("scheme", "ENTERPRISE", "bankAccount", "6222021001009876543"), List.of(), Set.of(), null,
                null)).c();
        return steps.accept("ty.clerk", c.id());
    }

    @Test
    @DisplayName("N-3c, FJ-1.2/N-1d: once the award is decided, staff download its notice from the award page (name, "
            + "start month, calculation lines with sources, monthly amount); pdfsig: valid, broken after one byte; it "
            + "is among the case's documents; the retiree downloads the same one from the portal and the app; another "
            + "region's clerk gets 403; before the decision, and for someone without an award, a clear 409")
    void awardNotice() throws Exception {
        Case c = declared(71, "核定通知测试");
        Case undecided = declared(72, "未核定测试");
        steps.preReview("ty.clerk2", c.id(), "材料齐全");
        steps.approve("ty.reviewer", c.id());
        Award a = awards.find(c.id()).orElseThrow();
        assertThat(a.monthlyAmount()).isNotNull();

        WebSession clerk = WebSession.login(port, "ty.clerk");
        assertThat(clerk.get("/pension/awards/" + c.id()).body()).contains("下载养老金核定通知（盖章PDF）");
        HttpResponse<byte[]> pdf = clerk.bytes("/pension/awards/" + c.id() + "/notice.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        String code = Downloads.code(pdf);
        Certificates.Issued doc = certificates.byCode(code).orElseThrow();
        assertThat(doc.kind()).isEqualTo(DocumentKind.PENSION_AWARD);
        assertThat(doc.caseId()).isEqualTo(c.id());
        assertThat(doc.retentionYears()).as("award notices are kept permanently (illustrative)").isZero();
        assertThat(Archive.sha256(pdf.body())).isEqualTo(doc.pdfSha256());
        EntitlementDecision d = awards.entitlement(a);
        String text;
        try (var loaded = Loader.loadPDF(pdf.body())) {
            text = new PDFTextStripper().getText(loaded);
        }
        assertThat(text).contains("基本养老金核定通知").contains("核定通知测试").contains(c.reference())
                .contains("待遇起始月份：" + d.firstMonth()).contains("月基本养老金（元）：" + a.monthlyAmount())
                .contains("计算过程").contains("平均缴费指数").contains("个人账户储存额").contains("国发〔2005〕38号")
                .contains(awards.calculation(a).basicPart().toString()).contains("/verify/" + code);
        d.clauses().forEach(clause -> assertThat(text).contains(clause));
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/documents"));
        java.nio.file.Files.write(java.nio.file.Path.of("target/documents/award-notice.pdf"), pdf.body());
        assertThat(Pdfsig.report(pdf.body())).contains("Signature is Valid").contains("Total document signed");
        assertThat(Pdfsig.report(Pdfsig.tampered(pdf.body(), code))).contains("Digest Mismatch")
                .doesNotContain("Signature is Valid");

        // kept with the case: listed among its documents, the same one on the next request
        assertThat(certificates.ofCase(c.id())).extracting(Certificates.Issued::code).contains(code);
        assertThat(clerk.get("/casework/cases/" + c.id()).body()).contains(code);
        String notice = "/api/v1/pension/awards/" + c.id() + "/notice.pdf";
        assertThat(Downloads.code(Downloads.api(port, "ty.reviewer", notice))).isEqualTo(code);
        assertThat(Downloads.api(port, "fz.clerk", notice).statusCode()).isEqualTo(403);

        // the retiree, in the portal and the app
        users.create(new Users.NewUser("citizen.notice", encoder.encode(ApiClient.PASSWORD), "核定通知测试",
                Role.INSURED_PERSON, new RegionCode("140100"), a.personId(), null));
        WebSession retiree = WebSession.login(port, "citizen.notice");
        assertThat(retiree.get("/portal/certification").body()).contains("/portal/certification/award-notice.pdf");
        assertThat(Downloads.code(retiree.bytes("/portal/certification/award-notice.pdf"))).isEqualTo(code);
        assertThat(Downloads.code(Downloads.api(port, "citizen.notice", "/api/v1/me/award-notice.pdf"))).isEqualTo(code);
        String undecidedNotice = "/api/v1/pension/awards/" + undecided.id() + "/notice.pdf";
        assertThat(Downloads.api(port, "citizen.notice", undecidedNotice).statusCode()).isEqualTo(403);

        // not decided yet; no award at all
        HttpResponse<byte[]> early = Downloads.api(port, "ty.clerk", undecidedNotice);
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(new String(early.body(), StandardCharsets.UTF_8)).contains("尚无已核定的养老金");
        assertThat(Downloads.api(port, "citizen.fz2", "/api/v1/me/award-notice.pdf").statusCode()).isEqualTo(409);
        assertThat(certificates.ofCase(undecided.id())).isEmpty();
    }
}

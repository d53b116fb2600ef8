package org.shebao.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ApiClient;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.TestUsers;
import org.shebao.WebSession;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.ConflictException;
import org.shebao.platform.DatabaseOwner;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@ShebaoIntegrationTest
@DisplayName("N-3c sealed documents on PostgreSQL: PDFs pdfsig verifies, the verification page, revocation, re-issue, "
        + "the archive")
class DocumentsIT {
    @Autowired
    Certificates certificates;
    @Autowired
    CaseWorkflow workflow;
    @Autowired
    DatabaseOwner owner;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestUsers staff;
    @LocalServerPort
    int port;

    /** citizen.ty's certificate request, approved in Taiyuan: its sealed document. */
    private Certificates.Issued approvedCertificate(String purpose) {
        long id = new ApiClient(port).post("citizen.ty", "/api/v1/cases", Map.of("type", "CERTIFICATE_REQUEST",
                "form", Map.of("certificate", "CONTRIBUTION_RECORD", "purpose", purpose)), Map.of()).body()
                .path("id").asLong();
        Case a = workflow.accept(staff.get("ty.clerk"), id, 0);
        Case p = workflow.preReview(staff.get("ty.clerk"), id, a.version(), null);
        workflow.approve(staff.get("ty.reviewer"), id, p.version());
        return certificates.forCase(id).orElseThrow();
    }

    @Test
    @DisplayName("N-3c: the citizen downloads the sealed 参保缴费证明; pdfsig finds it valid and whole, and broken after one "
            + "byte changed; the archive keeps it under its SHA-256 with its retention; nobody can change it")
    void sealedPdf() throws Exception {
        Certificates.Issued doc = approvedCertificate("贷款");
        assertThat(doc.hasPdf()).isTrue();
        assertThat(doc.retentionYears()).isEqualTo(10);
        assertThat(doc.holder()).isEqualTo("王**");
        WebSession citizen = WebSession.login(port, "citizen.ty");
        assertThat(citizen.get("/portal/cases/" + doc.caseId()).body()).contains(doc.code()).contains("下载盖章PDF");
        HttpResponse<byte[]> pdf = citizen.bytes("/portal/cases/" + doc.caseId() + "/documents/" + doc.code() + ".pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(Archive.sha256(pdf.body())).isEqualTo(doc.pdfSha256());
        try (var d = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(d)).contains("社会保险参保缴费证明").contains("王建国")
                    .contains("贷款").contains("太原市社会保险管理服务中心").contains("/verify/" + doc.code())
                    .doesNotContain("140121196205201");
        }
        assertThat(jdbc.sql("SELECT content_type FROM casework_archive WHERE sha256 = :s AND region_code = '140100'")
                .param("s", doc.pdfSha256()).query(String.class).single()).isEqualTo("application/pdf");
        // the application's role may not change an issued document; the schema's owner is stopped by the trigger
        assertThatThrownBy(() -> jdbc.sql("UPDATE casework_certificate SET retention_years = 0 WHERE code = :c")
                .param("c", doc.code()).update()).rootCause().hasMessageContaining("permission denied");
        JdbcClient asOwner = JdbcClient.create(owner.dataSource());
        assertThatThrownBy(() -> asOwner.sql("UPDATE casework_certificate SET retention_years = 0 WHERE code = :c")
                .param("c", doc.code()).update()).hasMessageContaining("electronic archive");
        assertThatThrownBy(() -> asOwner.sql("DELETE FROM casework_certificate WHERE code = :c")
                .param("c", doc.code()).update()).hasMessageContaining("electronic archive");
        // another citizen cannot fetch it
        assertThat(WebSession.login(port, "citizen.fz").bytes("/portal/cases/" + doc.caseId() + "/documents/"
                + doc.code() + ".pdf").statusCode()).isEqualTo(403);

        String report = Pdfsig.report(pdf.body());
        assertThat(report).contains("Signature is Valid").contains("Total document signed")
                .contains("Shebao electronic seal");
        assertThat(Pdfsig.report(Pdfsig.tampered(pdf.body(), doc.code()))).contains("Digest Mismatch")
                .doesNotContain("Signature is Valid");
    }

    @Test
    @DisplayName("N-3c verification page: what, to whom (masked), when; an unknown code is a clear 404; the issuing "
            + "agency revokes with a reason (required, once), others cannot; the page then says so")
    void verifyAndRevoke() throws Exception {
        Certificates.Issued doc = approvedCertificate("出国");
        WebSession anyone = WebSession.anonymous(port);
        HttpResponse<String> page = anyone.get("/verify/" + doc.code());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("社会保险参保缴费证明").contains("王**").doesNotContain("王建国")
                .contains("电子印章有效").contains(doc.pdfSha256()).contains("10 年").doesNotContain("已撤销");
        HttpResponse<String> unknown = anyone.get("/verify/CERT-0000000000000000");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("核验码不存在");
        assertThat(anyone.get("/verify/" + "X".repeat(300)).statusCode()).isEqualTo(404);

        // not another region's reviewer, not a clerk
        assertThatThrownBy(() -> certificates.revoke(staff.get("fz.reviewer"), doc.code(), "错误"))
                .isInstanceOf(AccessDeniedToRecordException.class);
        assertThatThrownBy(() -> certificates.revoke(staff.get("ty.clerk"), doc.code(), "错误"))
                .isInstanceOf(AccessDeniedToRecordException.class);
        WebSession reviewer = WebSession.login(port, "ty.reviewer");
        String casePage = "/casework/cases/" + doc.caseId();
        String revoke = casePage + "/documents/" + doc.code() + "/revoke";
        HttpResponse<String> noReason = reviewer.submit(casePage, revoke, Map.of("reason", "  "));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("请填写原因");
        assertThat(revocations(doc.code())).isZero();
        assertThat(reviewer.submit(casePage, revoke, Map.of("reason", "单位信息有误")).statusCode()).isEqualTo(302);
        assertThat(revocations(doc.code())).isOne();
        assertThat(jdbc.sql("SELECT actor || ' ' || detail FROM audit_log WHERE action = 'DOCUMENT_REVOKED' AND target = :t")
                .param("t", "document " + doc.code()).query(String.class).list()).containsExactly("ty.reviewer 单位信息有误");
        HttpResponse<String> again = reviewer.submit(casePage, revoke, Map.of("reason", "再次"));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("已撤销，不能再次撤销");
        assertThat(anyone.get("/verify/" + doc.code()).body()).contains("被出具机构撤销").contains("单位信息有误");
        assertThatThrownBy(() -> JdbcClient.create(owner.dataSource()).sql(
                "DELETE FROM casework_certificate_revocation WHERE code = :c").param("c", doc.code()).update())
                .hasMessageContaining("electronic archive");
    }

    @Test
    @DisplayName("N-3c: re-issuing makes a new document that refers to the old one (once); the receipt (回执) is issued "
            + "on the first download and is the same document afterwards")
    void reissueAndReceipt() throws Exception {
        Certificates.Issued old = approvedCertificate("落户");
        Certificates.Issued renewed = certificates.reissue(staff.get("ty.reviewer"), old.code(), "用途变更");
        assertThat(renewed.code()).isNotEqualTo(old.code());
        assertThat(renewed.replacesCode()).isEqualTo(old.code());
        assertThat(renewed.content()).contains("本件替代 " + old.code()).contains("落户");
        assertThat(certificates.byCode(old.code()).orElseThrow().replacedBy()).isEqualTo(renewed.code());
        assertThat(certificates.forCase(old.caseId()).orElseThrow().code()).isEqualTo(renewed.code());
        assertThatThrownBy(() -> certificates.reissue(staff.get("ty.reviewer"), old.code(), "再次"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.violation().code())
                        .isEqualTo("error.document.alreadyReissued"));
        assertThat(WebSession.anonymous(port).get("/verify/" + old.code()).body()).contains(renewed.code())
                .contains("替代");

        WebSession citizen = WebSession.login(port, "citizen.ty");
        HttpResponse<byte[]> first = citizen.bytes("/portal/cases/" + old.caseId() + "/receipt.pdf");
        HttpResponse<byte[]> second = citizen.bytes("/portal/cases/" + old.caseId() + "/receipt.pdf");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        try (var d = Loader.loadPDF(first.body())) {
            assertThat(new PDFTextStripper().getText(d)).contains("社会保险业务受理回执").contains("王**");
        }
        assertThat(certificates.ofCase(old.caseId())).extracting(Certificates.Issued::kind)
                .containsExactly(DocumentKind.CONTRIBUTION_RECORD, DocumentKind.CONTRIBUTION_RECORD,
                        DocumentKind.CASE_RECEIPT);
    }

    private int revocations(String code) {
        return jdbc.sql("SELECT count(*) FROM casework_certificate_revocation WHERE code = :c").param("c", code)
                .query(Integer.class).single();
    }
}

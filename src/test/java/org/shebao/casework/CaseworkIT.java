package org.shebao.casework;

import org.shebao.CaseSteps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.TestUsers;
import org.shebao.ApiClient;
import org.shebao.ApiClient.FilePart;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.ConflictException;
import org.shebao.identity.ShebaoUser;
import org.shebao.notification.Notifications;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.shebao.common.InvalidInputException;
import org.shebao.platform.DatabaseOwner;
import org.shebao.registry.IdNumberCipher;
import tools.jackson.databind.JsonNode;

@ShebaoIntegrationTest
@DisplayName("Casework on PostgreSQL: submissions, workflow, archive, commitments, green channel, feedback")
class CaseworkIT {
    @Autowired
    ApiClient api;
    /** The first day of this month: an enrollment from it is not a backdated one (FJ-5a). */
    private static final String THIS_MONTH = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).atDay(1).toString();
    private static final byte[] JPEG = ArchiveTest.JPEG;
    private static final byte[] PNG = ArchiveTest.PNG;
    private static final byte[] EXE = ArchiveTest.EXE;

    @Autowired
    CaseIntake intake;
    @Autowired
    CaseWorkflow workflow;
    @Autowired
    CaseSteps steps;
    @Autowired
    CaseQueries queries;
    @Autowired
    DeferredMaterials ledger;
    @Autowired
    Certificates certificates;
    @Autowired
    Notifications notifications;
    @Autowired
    TestUsers staff;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DatabaseOwner owner;
    @Autowired
    IdNumberCipher ids;
    @Autowired
    SealKeystore seal;

    private int count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Integer.class).single();
    }

    private static Map<String, Object> certificate(String purpose) {
        return Map.of("type", "CERTIFICATE_REQUEST", "form", Map.of("certificate", "CONTRIBUTION_RECORD", "purpose", purpose));
    }

    private static Map<String, Object> workInjury(boolean medical, boolean infected, boolean sent) {
        return Map.of("type", "WORK_INJURY_BENEFIT", "form", Map.of("injuryDate", "2026-02-03", "description", "救治患者时感染",
                "medicalWorker", String.valueOf(medical), "infectedAtWork", String.valueOf(infected),
                "sentToEpidemicArea", String.valueOf(sent), "bankAccount", "6222021001001234567"));
    }

    private static List<FilePart> injuryFiles() {
        return List.of(new FilePart("INJURY_RECOGNITION", "decision.pdf", "application/pdf", ArchiveTest.PDF),
                new FilePart("MEDICAL_RECORDS", "records.jpg", "image/jpeg", JPEG));
    }

    @Test
    @DisplayName("every case type has its handler in the running platform, and only one")
    void everyTypeHandled() {
        assertThat(queries.types()).containsExactlyInAnyOrder(CaseType.values());
        for (CaseType t : CaseType.values()) {
            assertThat(queries.handler(t).type()).isEqualTo(t);
        }
    }

    @Test
    @DisplayName("N-3d idempotency: the same Idempotency-Key twice, and twice at once, creates one case")
    void idempotency() throws Exception {
        int before = count("casework_case");
        ApiClient.Response first = api.post("citizen.xm", "/api/v1/cases", certificate("购房"), Map.of("Idempotency-Key", "retry-1"));
        ApiClient.Response again = api.post("citizen.xm", "/api/v1/cases", certificate("购房"), Map.of("Idempotency-Key", "retry-1"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("id").asLong()).isEqualTo(first.body().path("id").asLong());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<Integer> call = () -> api.post("citizen.xm", "/api/v1/cases", certificate("落户"),
                    Map.of("Idempotency-Key", "double-click")).status();
            List<Future<Integer>> results = pool.invokeAll(List.of(call, call, call, call));
            int created = 0;
            for (Future<Integer> f : results) {
                assertThat(f.get()).isIn(200, 201);
                created += f.get() == 201 ? 1 : 0;
            }
            assertThat(created).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(count("casework_case")).isEqualTo(before + 2);
    }

    @Test
    @DisplayName("bad input: oversized, mislabelled, an executable as JPEG, a missing field, another person's ID — a clear error, nothing stored")
    void badInput() {
        int cases0 = count("casework_case");
        int archive0 = count("casework_archive");
        Map<String, Object> enroll = Map.of("type", "ENROLLMENT", "form",
                Map.of("category", "FLEXIBLE", "insuranceType", "ENTERPRISE_PENSION", "firstInsuredOn", THIS_MONTH));
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(JPEG, 0, big, 0, JPEG.length);
        ApiClient.Response tooBig = api.multipart("citizen.fz2", "/api/v1/cases", enroll,
                List.of(new FilePart("ID_CARD", "id.jpg", "image/jpeg", big)), Map.of());
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.firstErrorField()).isEqualTo("material.ID_CARD");
        assertThat(tooBig.firstErrorMessage()).contains("超过 5 MB");
        ApiClient.Response mislabelled = api.multipart("citizen.fz2", "/api/v1/cases", enroll,
                List.of(new FilePart("ID_CARD", "id.jpg", "image/jpeg", PNG)), Map.of());
        assertThat(mislabelled.firstErrorMessage()).contains("声称是 image/jpeg，实际内容是 image/png");
        ApiClient.Response exe = api.multipart("citizen.fz2", "/api/v1/cases", enroll,
                List.of(new FilePart("ID_CARD", "id.jpg", "image/jpeg", EXE)), Map.of());
        assertThat(exe.status()).isEqualTo(400);
        assertThat(exe.firstErrorMessage()).contains("不是 JPG、PNG 图片或 PDF 文件");
        ApiClient.Response noDate = api.post("citizen.fz2", "/api/v1/cases", Map.of("type", "ENROLLMENT", "form",
                Map.of("category", "FLEXIBLE", "insuranceType", "ENTERPRISE_PENSION")), Map.of());
        assertThat(noDate.status()).isEqualTo(400);
        assertThat(noDate.firstErrorField()).isEqualTo("firstInsuredOn");
        String otherId = ids.decrypt(jdbc.sql("SELECT p.id_cipher FROM registry_person p JOIN identity_user u ON u.person_id = p.id"
                + " WHERE u.username = 'citizen.xm'").query(byte[].class).single());
        ApiClient.Response other = api.post("citizen.fz", "/api/v1/cases", Map.of("type", "CERTIFICATE_REQUEST",
                "idNumber", otherId, "form", Map.of("purpose", "代办")), Map.of());
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.firstErrorMessage()).contains("只能为本人申请");
        ApiClient.Response unknownType = api.post("citizen.fz", "/api/v1/cases", Map.of("type", "LOTTERY"), Map.of());
        assertThat(unknownType.firstErrorField()).isEqualTo("type");
        assertThat(count("casework_case")).isEqualTo(cases0);
        assertThat(count("casework_archive")).isEqualTo(archive0);
    }

    @Test
    @DisplayName("N-3c: archived files are stored once by SHA-256 in each region's archive and the archive refuses "
            + "updates and deletes")
    void archiveIsAppendOnly() {
        ApiClient.Response r = api.multipart("citizen.ty", "/api/v1/cases", workInjury(false, false, false), injuryFiles(), Map.of());
        assertThat(r.status()).isEqualTo(201);
        String sha = Archive.sha256(JPEG);
        assertThat(jdbc.sql("SELECT count(*) FROM casework_archive WHERE sha256 = :s AND region_code = '140100'")
                .param("s", sha).query(Integer.class).single()).isEqualTo(1);
        // the application's role has no right to change it; the owner is stopped by the archive's trigger
        assertThatThrownBy(() -> jdbc.sql("UPDATE casework_archive SET size_bytes = 0 WHERE sha256 = :s").param("s", sha).update())
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM casework_archive WHERE sha256 = :s").param("s", sha).update())
                .rootCause().hasMessageContaining("permission denied");
        JdbcClient asOwner = JdbcClient.create(owner.dataSource());
        assertThatThrownBy(() -> asOwner.sql("UPDATE casework_archive SET size_bytes = 0 WHERE sha256 = :s").param("s", sha).update())
                .hasMessageContaining("append-only electronic archive");
        assertThatThrownBy(() -> asOwner.sql("DELETE FROM casework_archive WHERE sha256 = :s").param("s", sha).update())
                .hasMessageContaining("append-only electronic archive");
        assertThat(jdbc.sql("SELECT size_bytes FROM casework_archive WHERE sha256 = :s").param("s", sha)
                .query(Long.class).list()).isNotEmpty().containsOnly((long) JPEG.length);
    }

    @Test
    @DisplayName("workflow: accept → return once with the complete list → resubmit → accept → pre-review → (a work-injury "
            + "benefit without a recognized injury of its day cannot be approved) → reject with a reason; "
            + "separation of duties; a stale form is refused; every step in the history and told to the applicant")
    void workflow() {
        long id = api.multipart("citizen.fz", "/api/v1/cases", workInjury(false, false, false),
                List.of(new FilePart("INJURY_RECOGNITION", "decision.pdf", "application/pdf", ArchiveTest.PDF)), Map.of())
                .body().path("id").asLong();
        ShebaoUser clerk = staff.get("fz.clerk");
        ShebaoUser clerk2 = staff.get("fz.clerk2");
        ShebaoUser reviewer = staff.get("fz.reviewer");
        Case c = queries.get(clerk, id);
        assertThat(c.missing()).containsExactly("MEDICAL_RECORDS");
        assertThatThrownBy(() -> workflow.accept(staff.get("ty.clerk"), id, c.version())).isInstanceOf(AccessDeniedToRecordException.class);
        assertThatThrownBy(() -> workflow.returnCase(clerk, id, c.version(), List.of(), "缺材料"))
                .isInstanceOf(InvalidInputException.class);
        Case returned = workflow.returnCase(clerk, id, c.version(), List.of("MEDICAL_RECORDS"), "缺医疗诊断证明");
        assertThat(returned.status()).isEqualTo(CaseStatus.RETURNED);
        ApiClient.Response view = api.get("citizen.fz", "/api/v1/cases/" + id);
        assertThat(view.body().path("status").asString()).isEqualTo("RETURNED");
        assertThat(view.body().path("missing").get(0).asString()).isEqualTo("MEDICAL_RECORDS");

        Case again = intake.resubmit(staff.get("citizen.fz"), id, returned.version(),
                List.of(new Upload("MEDICAL_RECORDS", "r.jpg", "image/jpeg", JPEG)), Set.of(), null);
        assertThat(again.status()).isEqualTo(CaseStatus.SUBMITTED);
        assertThatThrownBy(() -> workflow.returnCase(clerk, id, again.version(), List.of("MEDICAL_RECORDS"), "再退"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).code()).isEqualTo("error.case.returnedOnce"));
        Case accepted = workflow.accept(clerk, id, again.version());
        assertThatThrownBy(() -> workflow.accept(clerk2, id, again.version())).isInstanceOf(ConflictException.class);
        Case pre = workflow.preReview(clerk2, id, accepted.version(), "材料齐全");
        assertThatThrownBy(() -> workflow.approve(clerk, id, pre.version())).isInstanceOf(AccessDeniedToRecordException.class);
        // no benefit without a recognized injury: approving is refused and changes nothing
        assertThatThrownBy(() -> workflow.approve(reviewer, id, pre.version()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.violation().code())
                        .isEqualTo("error.wi.benefit.noRecognition"));
        assertThat(queries.get(reviewer, id).status()).isEqualTo(CaseStatus.PRE_REVIEWED);
        assertThat(queries.get(reviewer, id).version()).isEqualTo(pre.version());
        Case rejected = workflow.reject(reviewer, id, pre.version(), "非因工作原因受伤");
        assertThat(rejected.status()).isEqualTo(CaseStatus.REJECTED);
        assertThat(rejected.acceptedBy()).isEqualTo("fz.clerk");
        assertThat(rejected.decidedBy()).isEqualTo("fz.reviewer");
        assertThat(queries.history(clerk, id)).extracting(HistoryEntry::action)
                .containsExactly("SUBMIT", "RETURN", "RESUBMIT", "ACCEPT", "PRE_REVIEW", "REJECT");

        // the one who accepted cannot decide, even with the right role
        ShebaoUser admin = staff.get("fj.admin");
        long id2 = api.post("citizen.fz", "/api/v1/cases", certificate("核验"), Map.of()).body().path("id").asLong();
        Case a2 = workflow.accept(admin, id2, 0);
        Case p2 = workflow.preReview(clerk, id2, a2.version(), null);
        assertThatThrownBy(() -> workflow.approve(admin, id2, p2.version()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.violation().code())
                        .isEqualTo("error.case.sameAsAcceptor"));
        assertThatThrownBy(() -> workflow.reject(admin, id2, p2.version(), "不符合"))
                .isInstanceOf(ConflictException.class);

        // N-3d: a message at every step, on every channel that reaches the applicant, delivered by the adapters
        // (queued after each step's commit by the notification module's listener)
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                jdbc.sql("SELECT count(*) FROM notification_outbox WHERE link = :l AND channel = 'IN_APP'")
                        .param("l", "/portal/cases/" + id).query(Integer.class).single()).isEqualTo(6));
        notifications.dispatch();
        List<String> channels = jdbc.sql("SELECT DISTINCT channel FROM notification_outbox WHERE link = :l")
                .param("l", "/portal/cases/" + id).query(String.class).list();
        assertThat(channels).containsExactlyInAnyOrder("IN_APP", "SMS", "WECHAT");
        assertThat(jdbc.sql("SELECT count(*) FROM notification_outbox WHERE link = :l AND channel = 'IN_APP'")
                .param("l", "/portal/cases/" + id).query(Integer.class).single()).isEqualTo(6);
        assertThat(jdbc.sql("SELECT count(*) FROM notification_outbox WHERE link = :l AND sent_at IS NULL")
                .param("l", "/portal/cases/" + id).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT delivery FROM notification_outbox WHERE link = :l AND channel = 'SMS' ORDER BY id LIMIT 1")
                .param("l", "/portal/cases/" + id).query(String.class).single()).contains("139****0001");
        JsonNode inbox = api.get("citizen.fz", "/api/v1/notifications").body();
        assertThat(inbox.toString()).contains("缺医疗诊断证明");
    }

    @Test
    @DisplayName("N-4 / FJ-4 green channel: flagged with its clauses, first in the queue, due before an ordinary case "
            + "(exact days over holidays: CaseDueDateTest); "
            + "in Shanxi an employee sent to an epidemic area is not (FJ-4 is Fujian's)")
    void greenChannel() {
        JsonNode normal = api.multipart("citizen.xm", "/api/v1/cases", workInjury(false, true, false), injuryFiles(), Map.of()).body();
        JsonNode green = api.multipart("citizen.xm", "/api/v1/cases", workInjury(true, true, false), injuryFiles(), Map.of()).body();
        JsonNode sent = api.multipart("citizen.xm", "/api/v1/cases", workInjury(false, true, true), injuryFiles(), Map.of()).body();
        assertThat(normal.path("greenChannel").asBoolean()).isFalse();
        assertThat(green.path("greenChannel").asBoolean()).isTrue();
        assertThat(green.path("flags").toString()).contains("GREEN_CHANNEL").contains("N-4").contains("FJ-4");
        assertThat(sent.path("greenChannel").asBoolean()).as("FJ-4: sent to an epidemic area").isTrue();
        LocalDate normalDue = LocalDate.parse(normal.path("dueOn").asString());
        LocalDate greenDue = LocalDate.parse(green.path("dueOn").asString());
        assertThat(greenDue).isBefore(normalDue);
        List<CaseQueries.Listed> queue = queries.queue(staff.get("xm.clerk"), null, "WORK_INJURY_BENEFIT", 0);
        assertThat(queue.get(0).c().greenChannel()).isTrue();
        int firstNormal = 0;
        while (queue.get(firstNormal).c().greenChannel()) {
            firstNormal++;
        }
        assertThat(queue.subList(firstNormal, queue.size())).noneMatch(l -> l.c().greenChannel());
        JsonNode shanxi = api.multipart("citizen.xz", "/api/v1/cases", workInjury(false, true, true), injuryFiles(), Map.of()).body();
        assertThat(shanxi.path("greenChannel").asBoolean()).isFalse();
        JsonNode shanxiMedical = api.multipart("citizen.xz", "/api/v1/cases", workInjury(true, true, false), injuryFiles(), Map.of()).body();
        assertThat(shanxiMedical.path("flags").toString()).contains("N-4").contains("SX-4").doesNotContain("FJ-4");
    }

    @Test
    @DisplayName("SX-3 commitment: the case proceeds with the flag, the ledger lists it pending, exports it, records the late item")
    void commitmentLedger() throws Exception {
        Map<String, Object> enroll = Map.of("type", "ENROLLMENT", "form",
                Map.of("category", "RESIDENT", "insuranceType", "RESIDENT_PENSION", "firstInsuredOn", THIS_MONTH),
                "commitments", List.of("HOUSEHOLD_REGISTER"), "signature", "李秀兰");
        ApiClient.Response unsigned = api.multipart("citizen.xz", "/api/v1/cases", Map.of("type", "ENROLLMENT", "form",
                        Map.of("category", "RESIDENT", "insuranceType", "RESIDENT_PENSION", "firstInsuredOn", THIS_MONTH),
                        "commitments", List.of("HOUSEHOLD_REGISTER"), "signature", "别人"),
                List.of(new FilePart("ID_CARD", "id.jpg", "image/jpeg", JPEG)), Map.of());
        assertThat(unsigned.status()).isEqualTo(400);
        assertThat(unsigned.firstErrorField()).isEqualTo("signature");
        JsonNode c = api.multipart("citizen.xz", "/api/v1/cases", enroll,
                List.of(new FilePart("ID_CARD", "id.jpg", "image/jpeg", JPEG)), Map.of()).body();
        assertThat(c.path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(c.path("missing").size()).isZero();
        assertThat(c.path("flags").toString()).contains("COMMITMENT_RULE").contains("SX-3");
        JsonNode commitment = c.path("commitments").get(0);
        assertThat(commitment.path("item").asString()).isEqualTo("HOUSEHOLD_REGISTER");
        long caseId = c.path("id").asLong();
        List<Commitment> rows = ledger.ledger(staff.get("xz.clerk"), "OPEN", null).stream()
                .filter(m -> m.caseId() == caseId).toList();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).letter()).contains("李秀兰").contains("居民户口簿").contains("疫情解除后三个月内");
        assertThat(ledger.ledger(staff.get("fz.clerk"), "ALL", null)).noneMatch(m -> m.caseId() == caseId);

        List<Commitment> all = ledger.ledger(staff.get("xz.clerk"), "ALL", null);
        List<String> row = exportedRow(all, Locale.SIMPLIFIED_CHINESE, c.path("reference").asString());
        assertThat(row).contains("李秀兰");
        assertThat(row.get(4)).as("the region column names the region, never its code").isEqualTo("忻州市");
        assertThat(exportedRow(all, Locale.ENGLISH, c.path("reference").asString()).get(4)).isEqualTo("Xinzhou");

        Commitment arrived = ledger.recordArrival(staff.get("xz.clerk"), rows.get(0).id(), "POST",
                new Upload("x", "hukou.pdf", "application/pdf", ArchiveTest.PDF));
        assertThat(arrived.arrivedAt()).isNotNull();
        assertThat(arrived.arrivedVia()).isEqualTo("POST");
        assertThatThrownBy(() -> ledger.recordArrival(staff.get("xz.clerk"), rows.get(0).id(), "POST", null))
                .isInstanceOf(ConflictException.class);
        assertThat(queries.history(staff.get("xz.clerk"), caseId)).extracting(HistoryEntry::action).contains("MATERIAL_ARRIVED");
        assertThat(queries.materials(staff.get("xz.clerk"), caseId)).extracting(Material::item).contains("HOUSEHOLD_REGISTER");
    }

    /** The cells of the exported ledger's row of a case, as text. */
    private List<String> exportedRow(List<Commitment> rows, Locale locale, String reference) throws IOException {
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        ledger.export(rows, xlsx, locale, key -> key);
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
            for (Row r : wb.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                r.forEach(cell -> cells.add(cell.toString()));
                if (cells.contains(reference)) {
                    return cells;
                }
            }
        }
        throw new AssertionError("no row for " + reference);
    }

    @Test
    @DisplayName("N-3c: an approved certificate request issues a certificate sealed with the keystore's key (none in the "
            + "database); a changed content no longer verifies")
    void certificate() {
        long id = api.post("citizen.ty", "/api/v1/cases", certificate("子女入学"), Map.of()).body().path("id").asLong();
        steps.decide(id, "ty.clerk", "ty.clerk", null, "ty.reviewer");
        Certificates.Issued issued = certificates.forCase(id).orElseThrow();
        assertThat(issued.sealValid()).isTrue();
        assertThat(issued.keyId()).isEqualTo(seal.keyId());
        assertThat(jdbc.sql("SELECT count(*) FROM information_schema.columns WHERE table_name = 'casework_seal_key'"
                + " AND column_name LIKE '%private%'").query(Integer.class).single())
                .as("no private key in the database: it is in the PKCS#12 keystore").isZero();
        assertThat(issued.content()).contains("王建国").contains("子女入学").doesNotContain("140121196205201");
        assertThat(api.get(null, "/verify/" + issued.code()).raw().body()).contains("电子印章有效");
        // an issued document is never changed (the database refuses it); a changed text would not verify
        assertThatThrownBy(() -> jdbc.sql("UPDATE casework_certificate SET content = replace(content, '子女入学', '出国')"
                + " WHERE case_id = :c").param("c", id).update()).rootCause().hasMessageContaining("permission denied");
        assertThat(certificates.verify(issued.keyId(), issued.content().replace("子女入学", "出国"), issued.signature()))
                .isFalse();
    }

    @Test
    @DisplayName("an approved online enrollment is in the registry, citing the case")
    void enrollmentEffect() {
        JsonNode c = api.multipart("citizen.fz2", "/api/v1/cases", Map.of("type", "ENROLLMENT", "form",
                        Map.of("category", "RESIDENT", "insuranceType", "RESIDENT_PENSION", "firstInsuredOn", THIS_MONTH)),
                List.of(new FilePart("ID_CARD", "id.jpg", "image/jpeg", JPEG),
                        new FilePart("HOUSEHOLD_REGISTER", "hk.pdf", "application/pdf", ArchiveTest.PDF)), Map.of()).body();
        long id = c.path("id").asLong();
        steps.decide(id, "fz.clerk", "fz.clerk", null, "fz.reviewer");
        assertThat(jdbc.sql("SELECT remark FROM registry_enrollment e JOIN identity_user u ON u.person_id = e.person_id"
                        + " WHERE u.username = 'citizen.fz2' AND e.insurance_type = 'RESIDENT_PENSION'")
                .query(String.class).single()).contains(c.path("reference").asString());
    }

    @Test
    @DisplayName("FJ-3 assisted channel: a clerk registers a phone request with photographed materials, the originals "
            + "to follow under the commitment rule; only for persons of the clerk's region, only on assisted channels")
    void assistedPhoneChannel() {
        ShebaoUser clerk = staff.get("fz.clerk");
        String idNumber = ids.decrypt(jdbc.sql("SELECT p.id_cipher FROM registry_person p JOIN identity_user u ON u.person_id = p.id"
                + " WHERE u.username = 'citizen.fz2'").query(byte[].class).single());
        Submission phone = new Submission(CaseType.CERTIFICATE_REQUEST, Channel.PHONE, idNumber,
                Map.of("purpose", "电话申请"), List.of(), Set.of(), null, null);
        Case c = intake.submit(clerk, phone).c();
        assertThat(c.channel()).isEqualTo(Channel.PHONE);
        assertThat(c.submittedBy()).isEqualTo("fz.clerk");
        assertThat(c.personId()).isNotNull();
        Submission enroll = new Submission(CaseType.ENROLLMENT, Channel.PHONE, idNumber,
                Map.of("category", "FLEXIBLE", "insuranceType", "UNEMPLOYMENT", "firstInsuredOn", THIS_MONTH),
                List.of(new Upload("ID_CARD", "photo.jpg", "image/jpeg", JPEG)), Set.of("HOUSEHOLD_REGISTER"), "林小燕", null);
        assertThatThrownBy(() -> intake.submit(clerk, enroll))
                .as("a flexible worker has no unemployment insurance: the registry's own rule")
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> intake.submit(clerk, new Submission(CaseType.CERTIFICATE_REQUEST, Channel.WEB, idNumber,
                Map.of("purpose", "x"), List.of(), Set.of(), null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).code()).isEqualTo("error.case.channel"));
        String taiyuan = ids.decrypt(jdbc.sql("SELECT p.id_cipher FROM registry_person p JOIN identity_user u ON u.person_id = p.id"
                + " WHERE u.username = 'citizen.ty'").query(byte[].class).single());
        assertThatThrownBy(() -> intake.submit(clerk, new Submission(CaseType.CERTIFICATE_REQUEST, Channel.PHONE, taiyuan,
                Map.of("purpose", "x"), List.of(), Set.of(), null, null))).isInstanceOf(AccessDeniedToRecordException.class);
        assertThatThrownBy(() -> intake.submit(staff.get("citizen.fz"), new Submission(CaseType.CERTIFICATE_REQUEST, Channel.PHONE,
                null, Map.of("purpose", "x"), List.of(), Set.of(), null, null)))
                .isInstanceOf(InvalidInputException.class);
    }
}

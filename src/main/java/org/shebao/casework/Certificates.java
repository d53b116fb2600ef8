package org.shebao.casework;

import lombok.RequiredArgsConstructor;
import org.shebao.policy.Implements;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.shebao.audit.AuditAction;
import org.shebao.audit.AuditLog;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.ConflictException;
import org.shebao.common.FieldViolation;
import org.shebao.common.InvalidInputException;
import org.shebao.common.NotFoundException;
import org.shebao.common.RegionCode;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.shebao.policy.Jurisdictions;
import org.shebao.policy.Parameters;
import org.shebao.registry.Employers;
import org.shebao.registry.Persons;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Documents the agency issues, with an electronic seal (N-3c, issue 16): each is a PDF signed with the agency's key
 * (PAdES, {@link SealedPdf}) kept in the electronic archive by its SHA-256 with its retention (GB/T 31599-2015), and
 * its text signed too (SHA256withRSA) for the verification page. Anyone can check a document by its code; the
 * issuing agency may revoke it with a reason, or re-issue it (a new document that refers to the old one). Issued
 * documents and revocations are never changed (the database refuses it).
 */
@Implements(measure = "ELECTRONIC_SEAL_AND_ARCHIVE", rule = "电子证明：PDF加盖机构电子印章（PAdES签名），可扫码在线核验、可撤销",
        ruleEn = "Documents as PDFs sealed with the agency key (PAdES signature), verifiable online by QR code, revocable")
@Service
@RequiredArgsConstructor
public class Certificates {
    /** A revocation by the issuing agency. */
    public record Revocation(String reason, OffsetDateTime revokedAt) {
    }

    /**
     * Whom a document concerns (who may download it: the case's applicant, the person, the employer, and staff of
     * their region) and, for a document that states a standing fact, the subject it states it of (one document stands
     * for a subject and kind at a time; a newer one replaces it).
     */
    public record Concerns(Long caseId, Long personId, Long employerId, String subject) {
        public Concerns {
            if (caseId == null && personId == null && employerId == null) {
                throw new IllegalArgumentException("a document concerns a case, a person or an employer");
            }
        }

        static Concerns ofCase(long caseId) {
            return new Concerns(caseId, null, null, null);
        }
    }

    /** An issued document, whether its seal verifies against the content, and what became of it. */
    public record Issued(String code, Long caseId, String content, String signature, String keyId,
                         OffsetDateTime issuedAt, boolean sealValid, DocumentKind kind, String holder,
                         String pdfSha256, Integer retentionYears, String replacesCode, String replacedBy,
                         Revocation revocation, String regionCode, Long personId, Long employerId, String subject) {
        public boolean revoked() {
            return revocation != null;
        }

        /** The lines the document states: its text without the title, the issue date and a re-issue's note. */
        List<String> statedLines() {
            List<String> lines = new ArrayList<>(List.of(content.split("\n", -1)));
            lines.remove(0);
            lines.removeIf(l -> l.startsWith(ISSUED_ON) || l.startsWith(REPLACES));
            return lines;
        }

        public boolean hasPdf() {
            return pdfSha256 != null;
        }
    }

    private static final String SELECT = """
            SELECT d.code, d.case_id, d.content, d.signature, d.key_id, d.issued_at, d.kind, d.holder, d.pdf_sha256,
                   d.retention_years, d.replaces_code, d.region_code, d.person_id, d.employer_id, d.subject,
                   (SELECT n.code FROM casework_certificate n WHERE n.replaces_code = d.code
                       AND n.region_code = d.region_code) AS replaced_by,
                   r.reason AS revoked_reason, r.revoked_at
              FROM casework_certificate d
              LEFT JOIN casework_certificate_revocation r ON r.code = d.code AND r.region_code = d.region_code""";

    private static final String ISSUED_ON = "出具日期：";
    private static final String REPLACES = "本件替代";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SealKeystore seal;
    private final SealedPdf pdf;
    private final Archive archive;
    private final CaseStore cases;
    private final Parameters parameters;
    private final Jurisdictions jurisdictions;
    private final CaseworkProperties settings;
    private final AuditLog audit;
    private final Persons persons;
    private final Employers employers;

    /**
     * Issues a document of the case: the PDF (title, the lines, the date), sealed, archived; its text signed. Null when
     * the case already has its original of that kind (a receipt asked for twice at once: one wins).
     */
    @Transactional
    public Issued issue(long caseId, String region, DocumentKind kind, String holderName, List<String> lines) {
        return issue(Concerns.ofCase(caseId), region, kind, mask(holderName), lines, null);
    }

    /**
     * Issues a document of a business that is not a case (a pension transfer: {@code transfer:<id>}) for the person
     * it concerns, sealed and archived like any other; the original of the kind when the subject has one already (one
     * per subject, kind and agency). The caller decides who may see it.
     */
    @Transactional
    public Issued issueFor(String subject, long personId, String region, DocumentKind kind, String holderName,
                           List<String> lines) {
        Optional<Issued> existing = ofSubject(subject).stream()
                .filter(d -> d.kind() == kind && d.regionCode().equals(region) && d.replacesCode() == null).findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        Issued issued = issue(new Concerns(null, personId, null, subject), region, kind, mask(holderName), lines, null);
        if (issued == null) {
            throw new ConflictException("code", "error.concurrent");
        }
        return issued;
    }

    /** Every document issued for a subject (not a case), oldest first. */
    public List<Issued> ofSubject(String subject) {
        return jdbc.sql(SELECT + " WHERE d.subject = :s ORDER BY d.id").param("s", subject)
                .query((rs, i) -> issued(rs)).list();
    }

    /** The sealed PDF of an issued document, from the archive (checked against its hash); the caller checks access. */
    public byte[] pdfOf(Issued doc) {
        if (!doc.hasPdf()) {
            throw new NotFoundException("document " + doc.code());
        }
        return archive.content(doc.regionCode(), doc.pdfSha256());
    }

    private Issued issue(Concerns about, String region, DocumentKind kind, String holder, List<String> lines,
                         String replaces) {
        SealKeystore key = key();
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<String> all = new ArrayList<>(lines);
        all.add(ISSUED_ON + now.toLocalDate());
        String content = kind.title() + "\n" + String.join("\n", all);
        String code = "CERT-" + Archive.sha256((about + "|" + content + "|" + now + "|" + replaces)
                .getBytes(StandardCharsets.UTF_8)).substring(0, 16).toUpperCase();
        String signature = sign(key.privateKey(), content);
        String agency = jurisdictions.find(new RegionCode(region)).map(j -> j.agency()).orElse("社会保险经办机构");
        byte[] file = pdf.render(new SealedPdf.Content(kind.title(), all, agency, code, verifyUrl(code)));
        String sha = archive.store(region, file);
        int retention = parameters.integer(kind.retentionParameter(), new RegionCode(region), now.toLocalDate());
        int rows = jdbc.sql("""
                INSERT INTO casework_certificate (case_id, region_code, code, content, signature, key_id, issued_at,
                                                  kind, holder, pdf_sha256, retention_years, replaces_code,
                                                  person_id, employer_id, subject)
                VALUES (:c, :region, :code, :content, :sig, :key, :now, :kind, :holder, :sha, :retention, :replaces,
                        :person, :employer, :subject)
                ON CONFLICT DO NOTHING""")
                .param("c", about.caseId()).param("person", about.personId()).param("employer", about.employerId())
                .param("subject", about.subject()).param("region", region).param("code", code).param("content", content).param("sig", signature)
                .param("key", key.keyId()).param("now", now).param("kind", kind.name()).param("holder", holder)
                .param("sha", sha).param("retention", retention).param("replaces", replaces).update();
        if (rows == 0) {
            return null;
        }
        return new Issued(code, about.caseId(), content, signature, key.keyId(), now, true, kind, holder, sha,
                retention, replaces, null, null, region, about.personId(), about.employerId(), about.subject());
    }

    /**
     * A document that states a standing fact of its subject (a person's contribution detail, an employer's bill, an
     * award): the newest one of the subject while it stands and still says the same, else a new one that replaces it
     * (its verification page then points to the new one). Whoever asks has been checked by the caller; {@code holder}
     * is shown as given (mask a person's name with {@link #mask}). Two requests at once issue one document.
     */
    @Transactional
    public Issued standing(Concerns about, String region, DocumentKind kind, String holder, List<String> lines) {
        if (about.subject() == null) {
            throw new IllegalArgumentException("a standing document names its subject");
        }
        // one request at a time per subject: the next one finds the document just issued (no second PDF archived)
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:k, 0))")
                .param("k", "casework_certificate|" + region + "|" + kind.name() + "|" + about.subject())
                .query((rs, i) -> 1).single();
        Optional<Issued> latest = newest(about.subject(), kind, region);
        Optional<Issued> same = latest.filter(d -> !d.revoked() && d.statedLines().equals(lines));
        if (same.isPresent()) {
            return same.get();
        }
        Issued issued = issue(about, region, kind, holder, lines, latest.map(Issued::code).orElse(null));
        if (issued != null) {
            return issued;
        }
        // another request issued it at the same moment: that one, if it says the same
        return newest(about.subject(), kind, region).filter(d -> !d.revoked() && d.statedLines().equals(lines))
                .orElseThrow(() -> new ConflictException("code", "error.concurrent"));
    }

    private Optional<Issued> newest(String subject, DocumentKind kind, String region) {
        return jdbc.sql(SELECT + " WHERE d.subject = :s AND d.kind = :k AND d.region_code = :r ORDER BY d.id DESC LIMIT 1")
                .param("s", subject).param("k", kind.name()).param("r", region).query((rs, i) -> issued(rs)).optional();
    }

    /**
     * A document that states a standing fact (a benefit being received): the one issued today if it stands, else a new
     * one that replaces the newest before it (its page then points to the new one).
     */
    @Transactional
    public Issued current(long caseId, String region, DocumentKind kind, String holderName, List<String> lines) {
        LocalDate today = LocalDate.now(clock);
        Optional<Issued> latest = jdbc.sql(SELECT + " WHERE d.case_id = :c AND d.kind = :k ORDER BY d.id DESC LIMIT 1")
                .param("c", caseId).param("k", kind.name()).query((rs, i) -> issued(rs)).optional();
        if (latest.isPresent() && !latest.get().revoked() && latest.get().issuedAt().toLocalDate().equals(today)) {
            return latest.get();
        }
        Issued issued = issue(Concerns.ofCase(caseId), region, kind, mask(holderName), lines,
                latest.map(Issued::code).orElse(null));
        if (issued == null) {
            throw new ConflictException("code", "error.concurrent");
        }
        return issued;
    }

    /** The case's receipt (回执): issued on first request, the same document afterwards. */
    @Transactional
    public Issued receipt(ShebaoUser by, long caseId) {
        CaseQueries.Listed l = cases.listed(caseId);
        cases.requireAccess(by, l.c());
        Optional<Issued> existing = original(caseId, DocumentKind.CASE_RECEIPT);
        if (existing.isPresent()) {
            return existing.get();
        }
        Case c = l.c();
        String applicant = mask(l.applicantName());
        Issued issued = issue(Concerns.ofCase(caseId), c.regionCode(), DocumentKind.CASE_RECEIPT, applicant, List.of(
                "办件编号：" + c.reference(),
                "申请人：" + applicant,
                "证件号码：" + l.applicantId(),
                "受理时间：" + c.receivedAt().atZoneSameInstant(clock.getZone()).toLocalDate()), null);
        return issued != null ? issued : original(caseId, DocumentKind.CASE_RECEIPT).orElseThrow();
    }

    /** Re-issues a document (staff of its region): a new document with the same text that refers to the old one. */
    @Transactional
    public Issued reissue(ShebaoUser by, String code, String reason) {
        Issued old = forStaff(by, code);
        if (old.replacedBy() != null) {
            throw new ConflictException("code", "error.document.alreadyReissued", old.replacedBy());
        }
        String why = requireReason(reason);
        List<String> lines = old.statedLines();
        lines.add(REPLACES + " " + old.code() + "（" + why + "）");
        Issued issued = issue(new Concerns(old.caseId(), old.personId(), old.employerId(), old.subject()),
                old.regionCode(), old.kind(), old.holder(), lines, old.code());
        if (issued == null) {
            throw new ConflictException("code", "error.document.alreadyReissued", code);
        }
        audit.record(by.getUsername(), AuditAction.DOCUMENT_REISSUED, "document " + code, issued.code() + "：" + why);
        return issued;
    }

    /** Revokes a document (staff of its region), with the reason shown on the verification page; once. */
    @Transactional
    public Revocation revoke(ShebaoUser by, String code, String reason) {
        Issued doc = forStaff(by, code);
        String why = requireReason(reason);
        OffsetDateTime now = OffsetDateTime.now(clock);
        int rows = jdbc.sql("""
                INSERT INTO casework_certificate_revocation (code, region_code, reason, revoked_by, revoked_at)
                VALUES (:code, :region, :reason, :by, :now) ON CONFLICT DO NOTHING""")
                .param("code", doc.code()).param("region", doc.regionCode()).param("reason", why)
                .param("by", by.getUsername()).param("now", now).update();
        if (rows == 0) {
            throw new ConflictException("code", "error.document.alreadyRevoked", code);
        }
        audit.record(by.getUsername(), AuditAction.DOCUMENT_REVOKED, "document " + code, why);
        return new Revocation(why, now);
    }

    private Issued forStaff(ShebaoUser by, String code) {
        Issued doc = byCode(code).orElseThrow(() -> new NotFoundException("document " + code));
        if (!mayRevoke(by, doc)) {
            throw new AccessDeniedToRecordException("document");
        }
        return doc;
    }

    /**
     * Whether the user may revoke or re-issue the document: a reviewer or administrator of the issuing agency's region
     * (or above). The issuer decides, not the holder's region: a transfer's 联系函 is the receiving agency's.
     */
    public boolean mayRevoke(ShebaoUser by, Issued doc) {
        return by != null && by.isStaff() && by.has(Role.REVIEWER, Role.ADMIN)
                && by.region().covers(new RegionCode(doc.regionCode()));
    }

    /** Whether the user may see the document: as one who may see its case, else its person, else its employer. */
    private void requireAccess(ShebaoUser by, Issued doc) {
        if (doc.caseId() != null) {
            cases.get(by, doc.caseId());
        } else if (doc.personId() != null) {
            persons.person(by, doc.personId());
        } else {
            employers.employer(by, doc.employerId());
        }
    }

    private static String requireReason(String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new InvalidInputException(FieldViolation.of("reason", "error.document.reasonRequired"));
        }
        if (why.length() > 200 || why.chars().anyMatch(ch -> Character.isISOControl(ch))) {
            throw new InvalidInputException(FieldViolation.of("reason", "error.document.reasonInvalid", 200));
        }
        return why;
    }

    public String verifyUrl(String code) {
        String base = settings.documents().publicUrl();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/verify/" + code;
    }

    /** A name as documents and the verification page show it: the first character, the rest masked. */
    public static String mask(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        int first = Character.charCount(name.codePointAt(0));
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }

    public Optional<Issued> byCode(String code) {
        if (code == null || code.length() > 40) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " WHERE d.code = :c ORDER BY d.id LIMIT 1").param("c", code)
                .query((rs, i) -> issued(rs)).optional();
    }

    /** The case's current certificate (the newest, re-issues included), not a receipt. */
    public Optional<Issued> forCase(long caseId) {
        return jdbc.sql(SELECT + " WHERE d.case_id = :c AND d.kind <> 'CASE_RECEIPT' ORDER BY d.id DESC LIMIT 1")
                .param("c", caseId).query((rs, i) -> issued(rs)).optional();
    }

    /** Every document issued for the case, oldest first. */
    public List<Issued> ofCase(long caseId) {
        return jdbc.sql(SELECT + " WHERE d.case_id = :c ORDER BY d.id").param("c", caseId)
                .query((rs, i) -> issued(rs)).list();
    }

    private Optional<Issued> original(long caseId, DocumentKind kind) {
        return jdbc.sql(SELECT + " WHERE d.case_id = :c AND d.kind = :k AND d.replaces_code IS NULL")
                .param("c", caseId).param("k", kind.name()).query((rs, i) -> issued(rs)).optional();
    }

    /** The sealed PDF of a document of a case the user may see. */
    public byte[] pdf(ShebaoUser by, long caseId, String code) {
        Issued doc = byCode(code).filter(d -> d.caseId() != null && d.caseId() == caseId && d.hasPdf())
                .orElseThrow(() -> new NotFoundException("document " + code));
        cases.get(by, caseId);
        return archive.content(doc.regionCode(), doc.pdfSha256());
    }

    /** The sealed PDF of a document the user may see (its case's, its person's or its employer's). */
    public byte[] pdf(ShebaoUser by, Issued doc) {
        requireAccess(by, doc);
        return pdfOf(doc);
    }

    private Issued issued(ResultSet rs) throws SQLException {
        String content = rs.getString("content");
        String sig = rs.getString("signature");
        String keyId = rs.getString("key_id");
        boolean valid = verify(keyId, content, sig);
        OffsetDateTime revokedAt = rs.getObject("revoked_at", OffsetDateTime.class);
        Integer retention = rs.getObject("retention_years", Integer.class);
        return new Issued(rs.getString("code"), rs.getObject("case_id", Long.class), content, sig, keyId,
                zoned(rs.getObject("issued_at", OffsetDateTime.class)), valid, DocumentKind.valueOf(rs.getString("kind")),
                rs.getString("holder"), rs.getString("pdf_sha256"), retention, rs.getString("replaces_code"),
                rs.getString("replaced_by"),
                revokedAt == null ? null : new Revocation(rs.getString("revoked_reason"), zoned(revokedAt)),
                rs.getString("region_code"), rs.getObject("person_id", Long.class),
                rs.getObject("employer_id", Long.class), rs.getString("subject"));
    }

    private OffsetDateTime zoned(OffsetDateTime t) {
        return t.atZoneSameInstant(clock.getZone()).toOffsetDateTime();
    }

    /** The keystore's key, its public half registered for verification (historic keys stay registered). */
    private SealKeystore key() {
        jdbc.sql("""
                INSERT INTO casework_seal_key (key_id, public_key, created_at)
                VALUES (:id, :pub, :now) ON CONFLICT DO NOTHING""")
                .param("id", seal.keyId()).param("pub", seal.publicKey().getEncoded())
                .param("now", OffsetDateTime.now(clock)).update();
        return seal;
    }

    boolean verify(String keyId, String content, String signature) {
        Optional<byte[]> pub = jdbc.sql("SELECT public_key FROM casework_seal_key WHERE key_id = :id").param("id", keyId)
                .query(byte[].class).optional();
        if (pub.isEmpty()) {
            return false;
        }
        try {
            PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(pub.get()));
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initVerify(key);
            s.update(content.getBytes(StandardCharsets.UTF_8));
            return s.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String sign(PrivateKey key, String content) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(content.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.shebao.casework;

import org.shebao.policy.Implements;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import org.shebao.common.FieldViolation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.shebao.common.Sha256;

/**
 * The electronic archive (N-3c): every file received is checked (size, and its content sniffed: a JPEG, PNG or PDF
 * must be one, whatever its name says) and stored once under its SHA-256. The table refuses updates and deletes.
 */
@Implements(measure = "ELECTRONIC_SEAL_AND_ARCHIVE", rule = "电子档案：上传材料按内容校验，按SHA-256只存一份，不可修改",
        ruleEn = "Electronic archive: uploads checked by content, kept once by SHA-256, append-only")
@Component
public class Archive {
    /** What a file really is, from its first bytes. */
    public enum Kind {
        JPEG("image/jpeg"), PNG("image/png"), PDF("application/pdf");

        private final String mediaType;

        Kind(String mediaType) {
            this.mediaType = mediaType;
        }

        public String mediaType() {
            return mediaType;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int maxBytes;

    @Autowired
    Archive(JdbcClient jdbc, Clock clock, CaseworkProperties settings) {
        this(jdbc, clock, settings.casework().maxFileBytes());
    }

    /** With the settings' values themselves (unit tests). */
    Archive(JdbcClient jdbc, Clock clock, int maxBytes) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    public int maxBytes() {
        return maxBytes;
    }

    /** The kind the bytes are, or empty (an executable, an archive, text …). */
    public static Optional<Kind> sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return Optional.of(Kind.JPEG);
        }
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D
                && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return Optional.of(Kind.PNG);
        }
        if (b.length >= 5 && new String(b, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            return Optional.of(Kind.PDF);
        }
        return Optional.empty();
    }

    /** What the sender said the file is (content type, else the file name's extension), if one we accept. */
    static Optional<Kind> declared(String contentType, String fileName) {
        String ct = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).trim();
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (ct.equals("image/jpeg") || ct.equals("image/jpg") || ct.equals("image/pjpeg")) {
            return Optional.of(Kind.JPEG);
        }
        if (ct.equals("image/png")) {
            return Optional.of(Kind.PNG);
        }
        if (ct.equals("application/pdf")) {
            return Optional.of(Kind.PDF);
        }
        if (ct.isEmpty() || ct.equals("application/octet-stream")) {
            if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
                return Optional.of(Kind.JPEG);
            }
            if (name.endsWith(".png")) {
                return Optional.of(Kind.PNG);
            }
            if (name.endsWith(".pdf")) {
                return Optional.of(Kind.PDF);
            }
        }
        return Optional.empty();
    }

    /** Null when the upload is acceptable, else what is wrong with it (field = the checklist item). */
    public FieldViolation check(Upload u) {
        String field = "material." + u.item();
        String name = u.fileName() == null || u.fileName().isBlank() ? u.item() : u.fileName();
        if (u.bytes() == null || u.bytes().length == 0) {
            return FieldViolation.of(field, "error.material.empty", name);
        }
        if (u.bytes().length > maxBytes) {
            return FieldViolation.of(field, "error.material.tooLarge", name, maxBytes / (1024 * 1024));
        }
        Optional<Kind> real = sniff(u.bytes());
        if (real.isEmpty()) {
            return FieldViolation.of(field, "error.material.notAllowed", name);
        }
        Optional<Kind> said = declared(u.declaredType(), u.fileName());
        if (said.isPresent() && said.get() != real.get()) {
            return FieldViolation.of(field, "error.material.mislabelled", name, said.get().mediaType(), real.get().mediaType());
        }
        return null;
    }

    /** Stores the bytes once in the region's archive (the distribution column); returns their SHA-256 (hex). */
    public String store(String region, byte[] bytes) {
        String sha = sha256(bytes);
        Kind kind = sniff(bytes).orElseThrow(() -> new IllegalArgumentException("unchecked upload"));
        jdbc.sql("""
                INSERT INTO casework_archive (sha256, region_code, content_type, size_bytes, content, stored_at)
                VALUES (:sha, :region, :type, :size, :content, :now) ON CONFLICT (sha256, region_code) DO NOTHING""")
                .param("sha", sha).param("region", region).param("type", kind.mediaType()).param("size", bytes.length).param("content", bytes)
                .param("now", OffsetDateTime.now(clock)).update();
        return sha;
    }

    /** The archived bytes, checked against their hash on the way out. */
    public byte[] content(String region, String sha) {
        byte[] b = jdbc.sql("SELECT content FROM casework_archive WHERE sha256 = :sha AND region_code = :region")
                .param("sha", sha).param("region", region)
                .query(byte[].class).single();
        if (!sha256(b).equals(sha)) {
            throw new IllegalStateException("archived file " + sha + " does not match its hash");
        }
        return b;
    }

    public static String sha256(byte[] bytes) {
        return Sha256.hex(bytes);
    }
}

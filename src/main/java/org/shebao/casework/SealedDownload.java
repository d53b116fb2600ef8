package org.shebao.casework;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A sealed PDF as a download (issue 16): named by its code, with its SHA-256 (the archive's key) as the digest. */
public final class SealedDownload {
    private SealedDownload() {
    }

    /** The document's PDF for the user (who must be allowed to see it). */
    public static ResponseEntity<byte[]> of(Certificates certificates, org.shebao.identity.ShebaoUser by,
                                            Certificates.Issued doc) {
        return of(doc.code(), certificates.pdf(by, doc));
    }

    public static ResponseEntity<byte[]> of(String code, byte[] bytes) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(code + ".pdf", StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Digest", "sha-256=" + Archive.sha256(bytes))
                .body(bytes);
    }
}

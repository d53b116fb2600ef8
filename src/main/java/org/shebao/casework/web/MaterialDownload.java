package org.shebao.casework.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.shebao.casework.Material;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** An archived material sent back as it was received, with its hash for checking. */
final class MaterialDownload {
    private MaterialDownload() {
    }

    static ResponseEntity<byte[]> of(Map.Entry<Material, byte[]> m) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(m.getKey().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(m.getKey().fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Digest", "sha-256=" + m.getKey().sha256())
                .body(m.getValue());
    }
}

package org.shebao.casework;

import java.time.OffsetDateTime;

/** A material received for a case: which checklist item, the archived file (by SHA-256), how and when. */
public record Material(long id, long caseId, String item, String sha256, String contentType, int sizeBytes,
                       String fileName, Channel channel, String uploadedBy, OffsetDateTime uploadedAt) {
}

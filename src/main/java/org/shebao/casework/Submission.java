package org.shebao.casework;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An application as received: its type, channel, for whom (the ID number, when a clerk registers it on a person's
 * behalf), the form, the files, the missing items the applicant commits to provide later (SX-3) with the signature
 * (the applicant's full name typed as signature), and the idempotency key of the request.
 */
public record Submission(CaseType type, Channel channel, String personIdNumber, Map<String, String> form,
                         List<Upload> uploads, Set<String> commitments, String signature, String idempotencyKey) {
    public Submission {
        form = form == null ? Map.of() : Map.copyOf(form);
        uploads = uploads == null ? List.of() : List.copyOf(uploads);
        commitments = commitments == null ? Set.of() : Set.copyOf(commitments);
    }
}

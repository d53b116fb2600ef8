package org.shebao.unemployment;

import java.time.OffsetDateTime;

/** One entry of a claim's history (approval, a stop, a recovery), as {@code unemployment.action.CODE} with detail. */
public record ClaimEvent(String action, String detail, String actor, OffsetDateTime at) {
}

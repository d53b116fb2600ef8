package org.shebao.registry;

import java.time.OffsetDateTime;

/** One line of a record's history: who changed which field when, from what to what. */
public record Change(long id, ChangeAction action, String field, String oldValue, String newValue, String changedBy,
                     OffsetDateTime changedAt) {
}

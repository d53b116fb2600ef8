package org.shebao.settlement;

import org.shebao.common.Money;

/**
 * A settlement item was closed by a decision; published inside the deciding transaction, so a module that acts on
 * the decision (a recovery opened for {@link Decision#RECOVERY_OPENED}) commits with it, or refuses it with a 4xx that
 * writes nothing.
 */
public record WorklistItemDecided(long itemId, String regionCode, String kind, String ref, String caseRef,
                                  String clauses, Money amount, Decision decision, String note, String decidedBy) {
}

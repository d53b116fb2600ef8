package org.shebao.settlement;

import org.shebao.common.Money;

/**
 * An item a {@link WorklistSource} puts on a worklist: its region, its reference in the source module (e.g.
 * {@code payroll-order:42}), the case it belongs to (a case reference, or null), a label for people, and the amount
 * at stake (or null).
 */
public record WorklistCandidate(String regionCode, String ref, String caseRef, String label, Money amount) {
}

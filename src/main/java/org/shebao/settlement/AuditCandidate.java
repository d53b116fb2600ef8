package org.shebao.settlement;

import java.util.List;
import org.shebao.common.Money;

/**
 * A member of an {@link AuditPopulation}: its region, its stable reference in its module ({@code casework-case:42},
 * {@code payroll-order:7}), the case it belongs to (or null), a label for people, the clauses of its flag, and the
 * amount paid or at stake (or null).
 */
public record AuditCandidate(String regionCode, String ref, String caseRef, String label, List<String> clauses,
                             Money amount) {
    public AuditCandidate {
        clauses = List.copyOf(clauses);
        label = label == null ? "" : label.length() > 200 ? label.substring(0, 200) : label;
    }
}

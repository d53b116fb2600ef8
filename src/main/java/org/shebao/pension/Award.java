package org.shebao.pension;

import java.time.LocalDate;
import java.time.YearMonth;
import org.shebao.common.Money;

/**
 * The pension side of a retirement case: when the person retired, the first month of entitlement, the pre-payment
 * (amount and its source: FJ-1.3's standard, the approved amount, or a provisional calculation), the computed
 * pension, its calculation and entitlement decision (text, with sources and clauses) and the settlement schedule.
 */
public record Award(long caseId, long personId, String regionCode, String scheme, LocalDate retiredOn,
                    YearMonth firstMonth, Money prepaymentAmount, String prepaymentSource, YearMonth prepaymentFrom,
                    Money monthlyAmount, String calculation, String entitlement, String settlement) {

    public boolean prepaid() {
        return prepaymentAmount != null;
    }
}

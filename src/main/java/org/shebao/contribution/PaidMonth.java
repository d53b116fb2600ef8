package org.shebao.contribution;

import java.time.LocalDate;
import java.time.YearMonth;
import org.shebao.common.Money;

/**
 * A paid month of the rights record (费款所属期): the base, the amount, the personal-account credit, the day it was due
 * and the day it was paid, from a person's own payment or an employer's bill; whether it counts in its own month (no
 * break in continuity) and the rule that decided it with its reason; the late fee charged; the flags, the clauses
 * it was accepted under (N-5b, N-5c, …), empty when none.
 */
public record PaidMonth(YearMonth month, String regionCode, Money base, Money amount, Money accountCredit,
                        LocalDate dueOn, LocalDate paidOn, Source source, boolean ownMonth, PaidMonthRule.Rule rule,
                        String reason, Money feeCharged, String flags) {

    /** Where the money came from. */
    public enum Source {
        /** The person's own payment (a flexible worker). */
        PERSON,
        /** The employer's bill, paid in full. */
        BILL
    }

    public boolean flagged() {
        return flags != null && !flags.isBlank();
    }

    public String[] flagList() {
        return flagged() ? flags.split(", ") : new String[0];
    }
}

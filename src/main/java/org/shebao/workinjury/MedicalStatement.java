package org.shebao.workinjury;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import org.shebao.common.Money;

/**
 * One agreement institution's month of work-injury bills (SX-1b): declared, pre-paid at the reviewer's ratio,
 * approved by the paper review and settled (多退少补).
 */
public record MedicalStatement(long id, String regionCode, long institutionId, String institutionName,
                               YearMonth month, Status status, Money declared, int lineCount, String channel,
                               int submissions, OffsetDateTime submittedAt, BigDecimal ratio, Money prepaid,
                               LocalDate prepaidOn, String prepaidBy, String clauses, LocalDate paperReceivedOn,
                               Money approved, Money settlement, LocalDate settledOn, String settledBy, int version,
                               Money repaid) {
    /** A repayment of the over-pre-payment by the institution (SX-1b 多退), as the bank received it. */
    public record Repayment(Money amount, LocalDate receivedOn, String reference, String recordedByName) {
    }

    /** Submitted (replaceable), pre-paid, settled. */
    public enum Status { SUBMITTED, PREPAID, SETTLED }

    /** The settlement's outcome (null before it). */
    public MedicalPrepaymentRule.Outcome outcome() {
        return approved == null ? null : MedicalPrepaymentRule.settle(approved, prepaid).outcome();
    }

    /**
     * What the fund still owes the institution (negative: what the institution still owes back, the over-pre-payment
     * less what it has repaid), once settled.
     */
    public Money balance() {
        if (approved == null) {
            return null;
        }
        return outcome() == MedicalPrepaymentRule.Outcome.REFUND ? settlement.plus(repaid) : Money.ZERO;
    }

    /** What the institution still owes back (zero when nothing), once settled; null before. */
    public Money owed() {
        Money b = balance();
        return b == null ? null : b.negate();
    }

    /** The settlement's difference as an amount (the top-up or the refund), null before it. */
    public Money difference() {
        return settlement == null ? null : (settlement.isNegative() ? settlement.negate() : settlement);
    }

    /** The ratio as users read it: 88. */
    public String percent() {
        return ratio == null ? null : MedicalPrepaymentRule.percent(ratio);
    }
}

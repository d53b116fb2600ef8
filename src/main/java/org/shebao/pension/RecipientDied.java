package org.shebao.pension;

import java.time.LocalDate;
import org.shebao.common.Money;

/**
 * A recipient's death was recorded (by a clerk with evidence, or from the civil-affairs death data): the orders stopped
 * after the death month, and {@code overpaid} is what completed runs paid for later months, booked as a receivable
 * (应收多发待遇) with one payroll recovery item per month.
 *
 * <p>The hook for the recoveries of issue 15 item 5: the module that opens a recovery case for an over-payment listens
 * to this event (after commit). Until it exists the over-payment is shown on the death's page and stays in the
 * receivable; nothing here collects it.
 */
public record RecipientDied(long personId, String regionCode, LocalDate diedOn, Money overpaid) {
}

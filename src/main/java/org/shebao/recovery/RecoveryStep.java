package org.shebao.recovery;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.shebao.common.Money;

/** One entry of a recovery's history: the step, its amount, the balance after it, the voucher that booked it. */
public record RecoveryStep(long id, StepKind kind, Money amount, Money balanceAfter, String voucher, LocalDate paidOn,
                           String note, String actor, OffsetDateTime at) {
}

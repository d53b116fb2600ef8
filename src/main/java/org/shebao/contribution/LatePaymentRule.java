package org.shebao.contribution;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;
import org.shebao.policy.Deadline;
import org.shebao.policy.Implements;

/**
 * The late fee on the part of a bill a payment settles, with the waiver that applies, if any (a pure function of the
 * facts; the late fee itself is {@link LateFeeRule}'s):
 * <ol>
 *   <li>paid by the due date: no fee;</li>
 *   <li>a deferral (缓缴) covering the bill's month, paid by its end: waived (人社部发〔2020〕11号 第三条); paid after
 *       its end: the fee counts from the deferral's end, not from the bill's due date;</li>
 *   <li>otherwise, when the measure LATE_PAYMENT_NO_LATE_FEE (N-5c, FJ-5c) was in force for the region on the day the
 *       money fell due, a payment by lifted + 3 months is waived, citing the clauses; while the lifted date is unknown
 *       the deadline is pending and every payment is in time; after it, the normal rule applies;</li>
 *   <li>else the fee from the due date to the payment date (社会保险法 第八十六条).</li>
 * </ol>
 */
@Implements(measure = "LATE_PAYMENT_NO_LATE_FEE", rule = "缴费与欠费：疫情期间到期的社会保险费于疫情解除后三个月内补缴的，免收滞纳金并注明依据",
        ruleEn = "Payments and arrears: contributions due during the emergency and paid within three months after lifting cost no late fee, citing the clauses")
public final class LatePaymentRule {
    private final LateFeeRule fees;

    public LatePaymentRule(LateFeeRule fees) {
        this.fees = fees;
    }

    /**
     * The facts of one late payment: the amount it settles, the bill's due date, the payment date; the deferral
     * covering the bill's month (null when none); whether N-5c / FJ-5c was in force on the due date, with its
     * clauses and the lifted + 3 months deadline (null when no emergency governs).
     */
    public record Facts(RegionCode region, Money settled, LocalDate dueOn, LocalDate paidOn, EmployerDeferral deferral,
                        boolean measureInForce, List<String> clauses, Deadline liftedPlus3) {
    }

    public LateFeeDecision decide(Facts f) {
        LocalDate from = f.dueOn();
        if (!f.paidOn().isAfter(from)) {
            return fees.fee(f.region(), f.settled(), from, f.paidOn(), null);
        }
        if (f.deferral() != null) {
            if (!f.paidOn().isAfter(f.deferral().endsOn())) {
                return fees.fee(f.region(), f.settled(), from, f.paidOn(),
                        LateFeeWaiver.deferral("缓缴至" + f.deferral().endsOn() + "，" + f.deferral().caseReference()));
            }
            from = from.isAfter(f.deferral().endsOn()) ? from : f.deferral().endsOn();
        }
        if (!f.paidOn().isAfter(from)) {
            return fees.fee(f.region(), f.settled(), from, f.paidOn(), null);
        }
        Optional<LateFeeWaiver> n5c = f.measureInForce() && f.liftedPlus3() != null
                ? LateFeeWaiver.paidByDeadline(f.liftedPlus3(), f.paidOn(), f.clauses()) : Optional.empty();
        return fees.fee(f.region(), f.settled(), from, f.paidOn(), n5c.orElse(null));
    }
}

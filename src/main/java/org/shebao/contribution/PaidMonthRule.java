package org.shebao.contribution;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;
import org.shebao.policy.Deadline;
import org.shebao.policy.Implements;

/**
 * How a paid month enters the rights record, and what its lateness costs (a pure function of the facts; the fee is
 * {@link LatePaymentRule}'s):
 * <ol>
 *   <li>paid by its due date: {@link Rule#ON_TIME}, in its own month;</li>
 *   <li>paid late, but the measure LATE_PAYMENT_NO_LATE_FEE (N-5c, FJ-5c) was in force when the month fell due and
 *       the payment came by lifted + 3 months (or the lifted date is still unknown), or under a deferral (缓缴):
 *       {@link Rule#MEASURE}: no late fee, and the month counts as paid in its own month (no break in continuity,
 *       “逾期办理缴费不影响参保人员个人权益记录”);</li>
 *   <li>otherwise {@link Rule#NORMAL}: the late fee (社会保险法 第八十六条), and the month is a back payment (补缴) on
 *       its payment date: it counts toward the months paid, but the record shows a break before it.</li>
 * </ol>
 * The reason says which rule applied and why, in the words the citizen and the clerk read.
 */
@Implements(measure = "LATE_PAYMENT_NO_LATE_FEE", rule = "个人权益记录：疫情期间到期、于疫情解除后三个月内补缴的月份视同按月缴费，缴费记录不中断",
        ruleEn = "Rights record: months due during the emergency and paid within three months after lifting count as paid in their own months, no break")
public final class PaidMonthRule {

    /** Which rule decided a paid month. */
    public enum Rule {
        ON_TIME, MEASURE, NORMAL
    }

    /** A decided month: the rule, whether it counts in its own month, the late fee and why. */
    public record Decision(YearMonth month, Rule rule, boolean ownMonth, LateFeeDecision fee, String reason) {
    }

    private final LatePaymentRule late;

    public PaidMonthRule(LatePaymentRule late) {
        this.late = late;
    }

    /** One month: its contribution {@code amount}, due on {@code dueOn}, paid on {@code paidOn}. */
    public Decision decide(RegionCode region, YearMonth month, Money amount, LocalDate dueOn, LocalDate paidOn,
                           EmployerDeferral deferral, boolean measureInForce, List<String> clauses,
                           Deadline liftedPlus3) {
        LateFeeDecision fee = late.decide(new LatePaymentRule.Facts(region, amount, dueOn, paidOn, deferral,
                measureInForce, clauses, liftedPlus3));
        return of(month, fee, measureInForce, liftedPlus3);
    }

    /** The month as a late-fee decision already taken leaves it (an employer's bill, paid). */
    public static Decision of(YearMonth month, LateFeeDecision fee, boolean measureInForce, Deadline liftedPlus3) {
        if (fee == null || fee.days() == 0) {
            return new Decision(month, Rule.ON_TIME, true, fee, "按期缴费");
        }
        if (fee.isWaived()) {
            return new Decision(month, Rule.MEASURE, true, fee, "逾期" + fee.days() + "天缴费，" + fee.waiver().reason()
                    + "，视同按月缴费，缴费记录不中断（" + String.join("、", fee.waiver().sources()) + "）");
        }
        String why;
        if (!measureInForce || liftedPlus3 == null) {
            why = "该月缴费期限（" + fee.dueOn() + "）不在疫情期间逾期缴费措施的适用期内";
        } else {
            why = "缴费日期晚于疫情解除后三个月的补缴期限（" + liftedPlus3.dueOn() + "）";
        }
        return new Decision(month, Rule.NORMAL, false, fee, why + "，按正常规定办理：逾期" + fee.days() + "天，加收滞纳金"
                + fee.charged() + "元（社会保险法 第八十六条），该月记为补缴，缴费记录中断");
    }
}

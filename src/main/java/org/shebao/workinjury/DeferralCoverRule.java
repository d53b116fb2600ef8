package org.shebao.workinjury;

import java.time.LocalDate;
import java.util.List;
import org.shebao.contribution.DeferralStanding;
import org.shebao.policy.Deadline;
import org.shebao.policy.Implements;
import org.shebao.policy.MeasureStatus;

/**
 * FJ-1.4: a work injury during the employer's epidemic contribution deferral (缓缴) is paid by the fund if the employer
 * back-pays for all its employees by lifted + 3 months. Until then the benefits wait; once that date has passed
 * without the full back payment the fund does not pay and the employer bears the cost. Outside the measure (another
 * province, an injury when it was not in force, an employer not deferred) the fund pays as usual.
 */
@Implements(measure = "WORK_INJURY_DURING_DEFERRAL",
        rule = "缓缴期间发生工伤：单位在疫情结束后3个月内全员补缴的由基金支付，补缴前待遇暂缓核定，逾期未补缴的由单位承担",
        ruleEn = "Injury during an employer's deferral: the fund pays once the employer back-pays every employee by lifted + "
                + "3 months; until then the benefits wait; after that date without back payment the employer bears them")
public final class DeferralCoverRule {
    private DeferralCoverRule() {
    }

    /** The measure's code in the catalog. */
    public static final String MEASURE = "WORK_INJURY_DURING_DEFERRAL";

    public enum Cover { FUND_PAYS, WAITS_FOR_BACK_PAYMENT, EMPLOYER_BEARS }

    /**
     * The decision: who pays, the clauses it rests on (empty where the measure does not apply) and the back-payment
     * deadline (null while pending or where none applies).
     */
    public record Decision(Cover cover, List<String> clauses, LocalDate deadline) {
        public boolean fundPays() {
            return cover == Cover.FUND_PAYS;
        }
    }

    /**
     * @param measure the status of {@link #MEASURE} for the injured worker's region on the day of the injury
     * @param standing the employer's deferral standing on the day of the injury (null: no employer on record)
     */
    public static Decision decide(MeasureStatus measure, DeferralStanding standing) {
        if (standing == null || !standing.deferred() || measure == null || !measure.inForce()) {
            return new Decision(Cover.FUND_PAYS, List.of(), null);
        }
        Deadline d = standing.deferral().backPaymentDeadline();
        LocalDate deadline = d == null ? null : d.dueOn();
        return switch (standing.backPayment()) {
            case NOT_DEFERRED, PAID_IN_TIME -> new Decision(Cover.FUND_PAYS, measure.clauses(), deadline);
            case OPEN -> new Decision(Cover.WAITS_FOR_BACK_PAYMENT, measure.clauses(), deadline);
            case NOT_PAID_IN_TIME -> new Decision(Cover.EMPLOYER_BEARS, measure.clauses(), deadline);
        };
    }
}

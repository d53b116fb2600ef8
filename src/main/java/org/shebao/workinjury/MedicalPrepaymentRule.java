package org.shebao.workinjury;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.shebao.common.InvalidInputException;
import org.shebao.common.Money;
import org.shebao.policy.Implements;
import org.shebao.policy.ParameterValues.Range;

/**
 * SX-1b: an agreement medical institution's month of work-injury bills is pre-paid at a share the reviewer picks
 * within the parameter's range (85%–90% of the declared amount, rounded half-up to the fen); after the paper review
 * the month is settled on the approved amount: the difference is paid to the institution (少补) or becomes a
 * receivable from it (多退).
 */
@Implements(measure = MedicalPrepaymentRule.MEASURE,
        rule = "协议医疗机构工伤医疗费用：按月电子报送明细，审核人员在规定比例内按申报金额预付，纸质材料集中审核后多退少补并记账",
        ruleEn = "Agreement institutions' work-injury bills: submitted monthly with line items, pre-paid at a share within "
                + "the range of the declared amount, settled after the paper review (top-up or refund), booked")
public final class MedicalPrepaymentRule {
    /** The measure's code in the catalog. */
    public static final String MEASURE = "WORK_INJURY_MEDICAL_PREPAYMENT";
    /** The parameter of the range. */
    public static final String SHARE = "workinjury.medical.prepaymentShare";

    private MedicalPrepaymentRule() {
    }

    /** How a settlement ends: nothing to move, a top-up paid to the institution, or a refund it owes. */
    public enum Outcome { EVEN, TOP_UP, REFUND }

    /** A settlement: the outcome and the amount (positive) moved. */
    public record Settlement(Outcome outcome, Money amount) {
    }

    /**
     * The amount to pre-pay: {@code declared × ratio}, the ratio within the range (else refused naming the field
     * {@code ratio}, with the range).
     */
    public static Money prepayment(Money declared, BigDecimal ratio, Range range) {
        if (ratio == null) {
            throw InvalidInputException.of("ratio", "error.required");
        }
        if (!range.contains(ratio)) {
            throw InvalidInputException.of("ratio", "error.wi.medical.ratio", percent(range.min()), percent(range.max()));
        }
        return declared.times(ratio, RoundingMode.HALF_UP);
    }

    /** The settlement of a pre-paid month on its approved amount. */
    public static Settlement settle(Money approved, Money prepaid) {
        Money diff = approved.minus(prepaid);
        if (diff.isZero()) {
            return new Settlement(Outcome.EVEN, Money.ZERO);
        }
        return diff.isPositive() ? new Settlement(Outcome.TOP_UP, diff) : new Settlement(Outcome.REFUND, diff.negate());
    }

    /** A share as users read it: 0.85 → 85. */
    public static String percent(BigDecimal share) {
        return share.movePointRight(2).stripTrailingZeros().toPlainString();
    }
}

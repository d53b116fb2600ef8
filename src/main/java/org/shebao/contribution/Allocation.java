package org.shebao.contribution;

import java.util.ArrayList;
import java.util.List;
import org.shebao.common.Money;

/**
 * How one payment's money is divided, in one place: first the contributions still due on the bill of its month, then
 * the employer's late fees still owed, oldest first, and what is left is the employer's credit (预收：多缴待抵).
 * <p>
 * The order is the platform's convention (示意, not a rule of the notices): 社会保险法 第八十六条 charges the late fee
 * “自欠缴之日起” on the contributions owed, so money goes to the contributions first and stops the fee from growing;
 * 社会保险费征缴暂行条例 第十三条 has the fee paid in addition to (“加收”) the contributions owed, not instead of them.
 */
public record Allocation(Money toBill, List<FeePart> toFees, Money toCredit) {
    /** The convention's name on screens and in the API. */
    public static final String RULE = "先抵缴欠缴的社会保险费，再缴滞纳金（自早至晚），余额转为单位预收（社会保险法 第八十六条；社会保险费征缴暂行条例 第十三条；本平台约定）";

    /** A late fee still owed: its id (null for the fee this very payment brings about) and what is left of it. */
    public record OpenFee(Long id, Money owed) {
    }

    /** The part of the payment that goes to one late fee. */
    public record FeePart(Long feeId, Money amount) {
    }

    /**
     * Divides {@code amount}: {@code billOutstanding} (zero when no bill) first, then {@code fees} in the order given
     * (oldest first), the rest to credit.
     */
    public static Allocation of(Money amount, Money billOutstanding, List<OpenFee> fees) {
        if (!amount.isPositive() || billOutstanding.isNegative()) {
            throw new IllegalArgumentException("amount " + amount + ", outstanding " + billOutstanding);
        }
        Money toBill = amount.min(billOutstanding);
        Money left = amount.minus(toBill);
        List<FeePart> parts = new ArrayList<>();
        for (OpenFee f : fees) {
            if (!left.isPositive()) {
                break;
            }
            Money part = left.min(f.owed());
            if (part.isPositive()) {
                parts.add(new FeePart(f.id(), part));
                left = left.minus(part);
            }
        }
        return new Allocation(toBill, List.copyOf(parts), left);
    }

    public Money toFeesTotal() {
        return toFees.stream().map(FeePart::amount).reduce(Money.ZERO, Money::plus);
    }
}

package org.shebao.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount in yuan, exact to the fen (two decimals, half-up). Every result of its arithmetic is again two decimals,
 * rounded half-up unless a rule says otherwise ({@link #times(BigDecimal, RoundingMode)}). In JSON it is a plain
 * number ({@code 1800.00}); in a database column, bind {@link #amount()}.
 */
public record Money(BigDecimal amount) implements Comparable<Money>, java.io.Serializable {
    public static final Money ZERO = new Money(BigDecimal.ZERO);

    public Money {
        if (amount == null) {
            throw new IllegalArgumentException("amount is required");
        }
        amount = amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** The amount, rounded half-up to the fen (also how JSON numbers and converted database values are read). */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Money of(BigDecimal amount) {
        return new Money(amount);
    }

    /** The amount, which must already be exact to the fen: more than two decimals is an error, not a rounding. */
    public static Money exact(BigDecimal amount) {
        if (amount == null) {
            throw new IllegalArgumentException("amount is required");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new ArithmeticException("an amount in yuan has at most two decimals, was " + amount.toPlainString());
        }
        return new Money(amount);
    }

    /** The amount of a nullable column or field, or null when there is none. */
    public static Money orNull(BigDecimal amount) {
        return amount == null ? null : new Money(amount);
    }

    public static Money yuan(String amount) {
        return new Money(new BigDecimal(amount));
    }

    public static Money yuan(long amount) {
        return new Money(BigDecimal.valueOf(amount));
    }

    /** The amount as JSON writes it: a plain number with two decimals. */
    @JsonValue
    @Override
    public BigDecimal amount() {
        return amount;
    }

    public Money plus(Money other) {
        return new Money(amount.add(other.amount));
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(other.amount));
    }

    public Money negate() {
        return new Money(amount.negate());
    }

    /** The amount times a factor (a rate, a share), rounded half-up to the fen. */
    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor));
    }

    /** The amount times a factor, rounded to the fen as the rule says (e.g. {@link RoundingMode#DOWN} for a cap). */
    public Money times(BigDecimal factor, RoundingMode rounding) {
        return new Money(amount.multiply(factor).setScale(2, rounding));
    }

    public Money times(long factor) {
        return new Money(amount.multiply(BigDecimal.valueOf(factor)));
    }

    /** The amount divided into {@code parts} equal parts, rounded half-up to the fen. */
    public Money dividedBy(long parts) {
        return new Money(amount.divide(BigDecimal.valueOf(parts), 2, RoundingMode.HALF_UP));
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    /** −1, 0 or 1 as the amount is negative, zero or positive (as {@link BigDecimal#signum()}). */
    public int signum() {
        return amount.signum();
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    @Override
    public int compareTo(Money o) {
        return amount.compareTo(o.amount);
    }

    @Override
    public String toString() {
        return amount.toPlainString();
    }
}

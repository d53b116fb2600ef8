package org.shebao.policy.internal;

import org.shebao.policy.ParameterValues;

/** How a parameter's value is written in its file and what Java type a lookup returns. */
public enum ParameterType {
    /** Yuan, exact, two decimals: {@link java.math.BigDecimal}. */
    MONEY,
    /** An exact number, e.g. a rate 0.0005 or a temperature 37.3: {@link java.math.BigDecimal}. */
    DECIMAL,
    INTEGER,
    DATE,
    /** {min, max}: {@link ParameterValues.Range}. */
    RANGE,
    /** A table of whole numbers by a whole-number key, e.g. the months divisor by age: {@link ParameterValues.Table}. */
    TABLE,
    /** Rates (exact decimals) by a whole-number key, e.g. the work-injury base rate by industry risk class:
     *  {@link ParameterValues.RateTable}. */
    RATE_TABLE,
    /** Steps by a threshold, e.g. benefit months by contribution years: {@link ParameterValues.Brackets}. */
    BRACKETS,
    /** A statutory retirement age, possibly rising by birth month: {@link ParameterValues.RetirementAge}. */
    RETIREMENT_AGE,
    TEXT
}

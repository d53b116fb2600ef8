package org.shebao.pension;

import java.math.BigDecimal;
import java.util.List;

/**
 * A computed monthly pension with every input and its source, as the case shows it: basic part + personal-account
 * part = total, in yuan with two decimals.
 */
public record PensionCalculation(BigDecimal basicPart, BigDecimal accountPart, BigDecimal total, List<Line> lines) {

    /** One input or intermediate result, its value and where it comes from (a parameter's source, or the record). */
    public record Line(String label, String value, String source) {
    }
}

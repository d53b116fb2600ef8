package org.shebao.pension;

import java.util.List;
import org.shebao.common.Money;

/**
 * A computed monthly pension with every input and its source, as the case shows it: basic part + personal-account
 * part = total, in yuan with two decimals.
 */
public record PensionCalculation(Money basicPart, Money accountPart, Money total, List<Line> lines) {

    /** One input or intermediate result, its value and where it comes from (a parameter's source, or the record). */
    public record Line(String label, String value, String source) {
    }
}

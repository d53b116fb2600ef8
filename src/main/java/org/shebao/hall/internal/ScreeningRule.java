package org.shebao.hall.internal;

import java.math.BigDecimal;
import java.util.List;
import org.shebao.policy.Implements;
import org.shebao.policy.ParameterValues.Range;

/**
 * Screening at the door (N-2, FJ-2; SX-5): a body temperature outside the plausible range is a measuring or typing
 * error and is refused; at or above the fever threshold the visitor is not admitted (taken to the observation room,
 * the health authority contacted); below it they are admitted. Pure: the parameters are arguments.
 */
@Implements(measure = "HALL_CONTROLS", rule = "入口测温：达到发热标准（37.3℃）不得入厅，引导至留观场所并登记事件、联系卫生防疫部门",
        ruleEn = "Temperature at the door: at or above the fever threshold (37.3 °C) not admitted, observed, incident with the health authority")
public final class ScreeningRule {
    /** The clauses this rule rests on. */
    public static final List<String> CLAUSES = List.of("N-2", "FJ-2", "SX-5");

    public enum Outcome { IMPLAUSIBLE, FEVER, ADMIT }

    private ScreeningRule() {
    }

    public static Outcome decide(BigDecimal temperature, BigDecimal feverThreshold, Range plausible) {
        if (!plausible.contains(temperature)) {
            return Outcome.IMPLAUSIBLE;
        }
        return temperature.compareTo(feverThreshold) >= 0 ? Outcome.FEVER : Outcome.ADMIT;
    }
}

package org.shebao.hall.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.shebao.common.Violations;
import org.shebao.policy.ParameterValues.Range;

/** A body temperature as typed (°C, at most one decimal), refused when implausible (the door and the staff ledger). */
final class Temperatures {
    private Temperatures() {
    }

    /** The temperature, or null with the field's violation added (missing, malformed, implausible). */
    static BigDecimal parse(Violations v, String field, String raw, BigDecimal threshold, Range plausible) {
        String typed = v.text(raw, field, 10, true);
        String s = typed == null ? null : typed.replace('，', '.').replace("℃", "").replace("°C", "").strip();
        if (s == null) {
            return null;
        }
        if (!s.matches("\\d{2}(\\.\\d)?")) {
            v.add(field, "error.hall.temperature.format");
            return null;
        }
        BigDecimal t = new BigDecimal(s).setScale(1, RoundingMode.UNNECESSARY);
        if (ScreeningRule.decide(t, threshold, plausible) == ScreeningRule.Outcome.IMPLAUSIBLE) {
            v.add(field, "error.hall.temperature.implausible", t.toPlainString(),
                    plausible.min().toPlainString(), plausible.max().toPlainString());
            return null;
        }
        return t;
    }
}

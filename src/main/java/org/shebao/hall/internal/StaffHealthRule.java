package org.shebao.hall.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.shebao.policy.Implements;
import org.shebao.policy.ParameterValues.Range;

/**
 * The staff health ledger (SX-5; the platform offers it to every hall, the catalog shows it in force where SX-5 applies): a staff member's daily temperature, refused when implausible as at the door
 * ({@link ScreeningRule}); at or above the fever threshold, or with any symptom, the person is flagged (and the hall
 * manager told). Pure: the parameters are arguments.
 */
@Implements(measure = "STAFF_HEALTH_LEDGER", rule = "工作人员健康台账：每日体温和症状，发热（37.3℃）或有症状即标记并通知大厅主管，按月统计因病缺勤天数",
        ruleEn = "Staff health ledger: daily temperature and symptoms; a fever (37.3 °C) or a symptom flags the person and tells the hall manager; absent-for-health days per month")
public final class StaffHealthRule {
    /** The clauses this rule rests on. */
    public static final List<String> CLAUSES = List.of("SX-5");

    public enum Outcome { IMPLAUSIBLE, FEVER, SYMPTOMS, WELL }

    private StaffHealthRule() {
    }

    public static Outcome decide(BigDecimal temperature, Set<Symptom> symptoms, BigDecimal feverThreshold,
                                 Range plausible) {
        return switch (ScreeningRule.decide(temperature, feverThreshold, plausible)) {
            case IMPLAUSIBLE -> Outcome.IMPLAUSIBLE;
            case FEVER -> Outcome.FEVER;
            case ADMIT -> symptoms.isEmpty() ? Outcome.WELL : Outcome.SYMPTOMS;
        };
    }

    public static boolean flagged(Outcome outcome) {
        return outcome == Outcome.FEVER || outcome == Outcome.SYMPTOMS;
    }
}

package org.shebao.policy;

import org.shebao.policy.internal.Measure;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.shebao.common.RegionCode;
import java.util.List;

/**
 * A kind of expectation a module adds to the scenario format (e.g. the pension module's pension, entitlement and
 * settlement). Found with {@link java.util.ServiceLoader} ({@code META-INF/services}), so that the command-line
 * runner needs no Spring.
 */
public interface ScenarioExtension {

    /** The expectation keys this extension answers (the key that names the kind, e.g. {@code pension}). */
    Set<String> kinds();

    /**
     * Checks one expectation. {@code expectation} holds the YAML mapping as plain values (text, lists, maps);
     * throw {@link IllegalArgumentException} with a readable reason when it is malformed.
     */
    Check check(Map<String, Object> expectation, Context context);

    /**
     * What was checked, what was expected and what the rules gave (it holds when the two are equal), and the clauses
     * the rules cited in deciding it (a scenario's header may name only clauses some expectation exercises).
     */
    record Check(String what, String want, String got, List<String> clauses) {
        public Check(String what, String want, String got) {
            this(what, want, got, List.of());
        }
    }

    /** The scenario's state when the expectation is checked. */
    interface Context {
        LocalDate today();

        RegionCode region();

        Parameters parameters();

        /** Measure status for a region on a day, with the scenario's emergencies. */
        MeasureStatus measure(String code, RegionCode region, LocalDate on);

        /** The measures catalog over the scenario's emergencies (as they stand when asked), for rules that take it. */
        Measures measures();

        /** Scenario facts (the {@code facts} mapping), as plain values. */
        Map<String, Object> facts();
    }
}

package org.shebao.policy;

import org.shebao.policy.internal.Measure;
import org.shebao.policy.internal.ParameterDefinition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import java.time.LocalDate;

/**
 * The catalog tells the truth (issue 9): a measure is shown in force only when a rule carries it out, and a
 * parameter file defines only values that code reads.
 */
@DisplayName("Catalog truth: every measure has its rules or waits for an issue; every parameter is read by code")
class CatalogTruthTest {
    private static final PolicyBook BOOK = PolicyBook.load();
    private static final Map<String, List<Measures.Rule>> RULES = Measures.scan(BOOK);

    @Test
    @DisplayName("each measure not waiting for an issue is carried out by at least one @Implements rule")
    void implementedMeasuresHaveRules() {
        List<String> without = BOOK.measures().stream().filter(Measure::implemented)
                .map(Measure::code).filter(c -> RULES.getOrDefault(c, List.of()).isEmpty()).toList();
        assertThat(without).as("measures shown as implemented with no rule carrying them out").isEmpty();
    }

    @Test
    @DisplayName("a measure waiting for an issue has no rule claiming to carry it out, and is never in force")
    void waitingMeasuresHaveNoRules() {
        List<Measure> waiting = BOOK.measures().stream().filter(m -> !m.implemented()).toList();
        // since SX-1b (issue 12), the duty and escalation (14) and the online transfer (16) were built, no measure of
        // the shipped catalog waits; one added with waitsFor must have no rule and never be in force (below)
        assertThat(waiting).extracting(Measure::code).isEmpty();
        for (Measure m : waiting) {
            assertThat(RULES.getOrDefault(m.code(), List.of())).as(m.code() + " waits for issue " + m.waitsFor()
                    + " but a rule says it carries it out").isEmpty();
            for (Measure.Scope s : m.scopes()) {
                Emergency e = new Emergency(1, s.region(), "test", LocalDate.of(2020, 1, 24), null, null, 0);
                MeasureStatus st = BOOK.measure(m.code(), s.region(), LocalDate.of(2020, 3, 1), List.of(e));
                assertThat(st.inForce()).as(m.code() + " in " + s.region()).isFalse();
                assertThat(st.reason()).isEqualTo("measure.reason.notImplemented");
            }
        }
    }

    @Test
    @DisplayName("every @Implements names a measure of the catalog")
    void rulesNameKnownMeasures() {
        RULES.keySet().forEach(code -> assertThat(BOOK.measure(code)).isNotNull());
        assertThat(RULES.values().stream().flatMap(List::stream).map(Measures.Rule::name))
                .allSatisfy(n -> assertThat(n).isNotBlank());
    }

    @Test
    @DisplayName("every parameter key of the shipped files is read by the platform's code (src/main/java)")
    void everyParameterIsRead() throws IOException {
        String code;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            code = files.filter(p -> p.toString().endsWith(".java")).map(p -> {
                try {
                    return Files.readString(p);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).collect(Collectors.joining("\n"));
        }
        // a key is read by name, or as one of a family the code reads by its prefix (e.g. the bank file layouts,
        // payroll.bankFile.layout.<BANK>, looked up with Parameters.keys(prefix))
        List<String> unread = BOOK.parameters().definitions().stream().map(ParameterDefinition::key)
                .filter(k -> !code.contains("\"" + k + "\"")
                        && !code.contains("\"" + k.substring(0, k.lastIndexOf('.') + 1) + "\""))
                .toList();
        assertThat(unread).as("parameters defined in src/main/resources/policy/parameters that no code reads").isEmpty();
    }

    @Test
    @DisplayName("every clause a measure cites is a clause of the notices, with its text for the screens")
    void clausesAreKnown() {
        BOOK.measures().forEach(m -> m.scopes().forEach(s -> s.clauses().forEach(c ->
                assertThat(BOOK.clauses()).as(m.code()).containsKey(c))));
        assertThat(BOOK.clauses()).hasSize(40);
    }
}

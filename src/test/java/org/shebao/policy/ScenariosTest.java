package org.shebao.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.shebao.policy.scenario.ScenarioRunner;

/** Runs every scenario file under src/test/resources/scenarios: one container per file, one test per expectation. */
@DisplayName("Policy scenarios (src/test/resources/scenarios)")
class ScenariosTest {
    private static final Path DIR = Path.of("src/test/resources/scenarios");

    @TestFactory
    Stream<DynamicNode> scenarios() throws IOException {
        ScenarioRunner runner = new ScenarioRunner(PolicyBook.load());
        List<Path> files;
        try (Stream<Path> s = Files.list(DIR)) {
            files = s.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        }
        assertThat(files).as("scenario files").isNotEmpty();
        return files.stream().map(f -> {
            ScenarioRunner.Result r = runner.run(f);
            assertThat(r.outcomes()).as(f + " has expectations").isNotEmpty();
            Stream<DynamicTest> header = Stream.of(DynamicTest.dynamicTest(
                    "every clause of the header " + r.clauses() + " is exercised by an expectation",
                    () -> assertThat(r.unexercised()).as(f.getFileName() + ": clauses named in the header that no "
                            + "expectation exercises (drop them, or add an expectation that decides by them)").isEmpty()));
            return DynamicContainer.dynamicContainer(r.clauses() + " " + r.title() + " (" + f.getFileName() + ")",
                    Stream.concat(header, r.outcomes().stream().map(o -> DynamicTest.dynamicTest("line " + o.line() + ": " + o.what(),
                            () -> assertThat(o.passed()).as(f.getFileName() + ":" + o.line() + " " + o.what() + ": "
                                    + o.detail()).isTrue()))));
        });
    }
}

package org.shebao.policy;

import org.shebao.policy.internal.PolicyFileException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.shebao.policy.scenario.ScenarioRunner;

/**
 * The scenario command for policy analysts: {@code scenario run FILE|DIR ...} replays each scenario file and prints
 * a pass/fail line per expectation. Exit status: 0 all held, 1 an expectation failed, 2 a file is broken.
 * Started from {@code ShebaoApplication.main} before Spring, so it needs no database.
 */
public final class Scenarios {
    private Scenarios() {
    }

    public static int command(String[] args, PrintStream out) {
        if (args.length < 2 || !"run".equals(args[0])) {
            out.println("usage: scenario run FILE|DIRECTORY ...   (scenario files: docs/scenarios.md)");
            return 2;
        }
        List<Path> files = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            Path p = Path.of(args[i]);
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")).sorted()
                            .forEach(files::add);
                } catch (IOException e) {
                    out.println(p + ": cannot be read: " + e.getMessage());
                    return 2;
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                out.println(p + ": no such file or directory");
                return 2;
            }
        }
        PolicyBook book;
        try {
            book = PolicyBook.load();
        } catch (PolicyFileException e) {
            out.println("The policy set itself is broken: " + e.getMessage());
            return 2;
        }
        ScenarioRunner runner = new ScenarioRunner(book);
        int failed = 0;
        int broken = 0;
        int checks = 0;
        for (Path f : files) {
            ScenarioRunner.Result r;
            try {
                r = runner.run(f);
            } catch (PolicyFileException e) {
                out.println("✘ " + e.getMessage());
                broken++;
                continue;
            }
            out.println((r.passed() ? "✔ " : "✘ ") + r.title() + "  " + r.clauses() + "  (" + f + ")");
            for (ScenarioRunner.Outcome o : r.outcomes()) {
                out.printf("    %s line %-4d %s: %s%n", o.passed() ? "✔" : "✘", o.line(), o.what(), o.detail());
                checks++;
                if (!o.passed()) {
                    failed++;
                }
            }
        }
        out.printf("%d scenario file(s), %d expectation(s): %d failed, %d file(s) broken%n", files.size(), checks,
                failed, broken);
        return broken > 0 ? 2 : failed > 0 ? 1 : 0;
    }
}

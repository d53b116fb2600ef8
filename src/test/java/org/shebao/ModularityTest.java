package org.shebao;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.springframework.util.FileSystemUtils;

class ModularityTest {
    private final ApplicationModules modules = ApplicationModules.of(ShebaoApplication.class);

    @Test
    @DisplayName("Module boundaries hold: no cycles, no access to another module's internals")
    void verifiesModuleBoundaries() {
        modules.verify();
    }

    @Test
    @DisplayName("Module documentation (C4 and canvases) is written to target/spring-modulith-docs")
    void writesDocumentation() throws IOException {
        Path dir = Path.of("target/spring-modulith-docs");
        FileSystemUtils.deleteRecursively(dir);
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(dir.toString())).writeDocumentation();
        // one component diagram for the whole and one per module, and a canvas per module
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            Assertions.assertThat(names).contains("components.puml");
            modules.forEach(m -> Assertions.assertThat(names)
                    .contains("module-" + m.getIdentifier() + ".puml", "module-" + m.getIdentifier() + ".adoc"));
        }
        Assertions.assertThat(Files.readString(dir.resolve("components.puml")))
                .contains("Payroll").contains("Ledger").contains("Policy");
    }
}

package org.shebao;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTest {
    private final ApplicationModules modules = ApplicationModules.of(ShebaoApplication.class);

    @Test
    @DisplayName("Module boundaries hold: no cycles, no access to another module's internals")
    void verifiesModuleBoundaries() {
        modules.verify();
    }

    @Test
    @DisplayName("Module documentation (C4 and canvases) is written to target/spring-modulith-docs")
    void writesDocumentation() throws java.io.IOException {
        java.nio.file.Path dir = java.nio.file.Path.of("target/spring-modulith-docs");
        org.springframework.util.FileSystemUtils.deleteRecursively(dir);
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(dir.toString())).writeDocumentation();
        // one component diagram for the whole and one per module, and a canvas per module
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(dir)) {
            java.util.List<String> names = files.map(p -> p.getFileName().toString()).toList();
            org.assertj.core.api.Assertions.assertThat(names).contains("components.puml");
            modules.forEach(m -> org.assertj.core.api.Assertions.assertThat(names)
                    .contains("module-" + m.getIdentifier() + ".puml", "module-" + m.getIdentifier() + ".adoc"));
        }
        org.assertj.core.api.Assertions.assertThat(java.nio.file.Files.readString(dir.resolve("components.puml")))
                .contains("Payroll").contains("Ledger").contains("Policy");
    }
}

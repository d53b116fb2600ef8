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
    void writesDocumentation() {
        new Documenter(modules).writeDocumentation();
    }
}

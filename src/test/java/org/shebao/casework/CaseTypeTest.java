package org.shebao.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shebao.common.InvalidInputException;
import org.shebao.common.NotFoundException;

@DisplayName("Case types: read from input and addresses, each named in both languages")
class CaseTypeTest {

    @Test
    @DisplayName("a known type is read as itself; an unknown one is bad input on the named field, or a missing page")
    void parse() {
        assertThat(CaseType.parse("RETIREMENT", "type")).isEqualTo(CaseType.RETIREMENT);
        assertThatThrownBy(() -> CaseType.parse("retirement", "type")).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations())
                        .anySatisfy(v -> assertThat(v.field()).isEqualTo("type")));
        assertThatThrownBy(() -> CaseType.parse(null, "type")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> CaseType.ofPage("PAYROLL")).isInstanceOf(NotFoundException.class);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"messages.properties", "messages_en.properties"})
    @DisplayName("every type has a name for the screens (users read names, not codes)")
    void named(String file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/" + file)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        for (CaseType t : CaseType.values()) {
            assertThat(p.getProperty("casetype." + t.name())).as(t.name()).isNotBlank();
        }
    }
}

package org.shebao.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("GB 32100 统一社会信用代码")
class CreditCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "9144030071526726XG", "91110108551385082Q"})
    @DisplayName("published codes are valid")
    void valid(String code) {
        assertThat(CreditCode.parse(code).value()).isEqualTo(code);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "91350100M000100Y44, error.creditCode.checkDigit",
            "91350100M000100Y4, error.creditCode.format",
            "91350100M00010OY43, error.creditCode.format",
            "913501I0M000100Y43, error.creditCode.format",
            "91AB0100M000100Y43, error.creditCode.region"})
    @DisplayName("wrong check characters, lengths, letters outside the alphabet and regions are rejected")
    void rejected(String raw, String code) {
        assertThatThrownBy(() -> CreditCode.parse(raw))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).code()).isEqualTo(code));
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y4", "9144030071526726X"})
    @DisplayName("the check character completes any 17 characters")
    void checkChar(String first17) {
        assertThat(CreditCode.parse(first17 + CreditCode.checkChar(first17))).isNotNull();
    }
}

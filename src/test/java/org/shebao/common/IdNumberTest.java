package org.shebao.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("GB 11643 公民身份号码")
class IdNumberTest {

    @Test
    @DisplayName("the standard's own example 11010519491231002X is valid; birth date and gender come from it")
    void standardExample() {
        IdNumber id = IdNumber.parse("11010519491231002x");
        assertThat(id.value()).isEqualTo("11010519491231002X");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.gender()).isEqualTo(Gender.FEMALE);
        assertThat(id.addressCode()).isEqualTo("110105");
    }

    @Test
    @DisplayName("a wrong check digit is named, with the digit it should be")
    void wrongCheckDigit() {
        assertThatThrownBy(() -> IdNumber.parse("110105194912310021"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.violations()).singleElement().satisfies(v -> {
                        assertThat(v.field()).isEqualTo("idNumber");
                        assertThat(v.code()).isEqualTo("error.idNumber.checkDigit");
                        assertThat(v.args()).containsExactly("X");
                    });
                });
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "'', error.required",
            "3501021990010112, error.idNumber.format",
            "35010219900101123A, error.idNumber.format",
            "350102199002301234, error.idNumber.birthDate",
            "350102187001011234, error.idNumber.birthDate"})
    @DisplayName("malformed numbers and impossible birth dates are rejected with a specific reason")
    void rejected(String raw, String code) {
        assertThatThrownBy(() -> IdNumber.parse(raw))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).code()).isEqualTo(code));
    }

    @Test
    @DisplayName("masked on screens and in logs: first four and last four characters")
    void masked() {
        IdNumber id = IdNumber.parse("11010519491231002X");
        assertThat(id.masked()).isEqualTo("11**************2X");
        assertThat(id.toString()).isEqualTo("11**************2X").doesNotContain("19491231");
    }

    @Test
    @DisplayName("the check character is computed for any 17 digits (odd sequence number = male)")
    void checkChar() {
        String first17 = "35010219600212231";
        IdNumber id = IdNumber.parse(first17 + IdNumber.checkChar(first17));
        assertThat(id.gender()).isEqualTo(Gender.MALE);
    }
}

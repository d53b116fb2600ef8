package org.shebao.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("field checks shared by every form")
class ViolationsTest {
    @Test
    @DisplayName("an impossible date is named as such, a malformed one as malformed")
    void dates() {
        Violations v = new Violations();
        assertThat(v.date("2021-02-29", "d", true)).isNull();
        assertThat(v.date("2020-02-29", "e", true)).isEqualTo(LocalDate.of(2020, 2, 29));
        assertThat(v.date("29/02/2020", "f", true)).isNull();
        assertThat(v.has("d")).isTrue();
        assertThat(v.has("e")).isFalse();
        assertThat(v.has("f")).isTrue();
    }

    @Test
    @DisplayName("over-long text and control characters are rejected")
    void text() {
        Violations v = new Violations();
        assertThat(v.text("王".repeat(51), "name", 50, true)).isNull();
        assertThat(v.text("王".repeat(50), "ok", 50, true)).hasSize(50);
        assertThat(v.text("a\u0000b", "ctl", 50, true)).isNull();
        assertThat(v.has("name")).isTrue();
        assertThat(v.has("ok")).isFalse();
        assertThat(v.has("ctl")).isTrue();
    }
}

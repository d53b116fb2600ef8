package org.shebao.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.core.convert.support.DefaultConversionService;
import tools.jackson.databind.ObjectMapper;

@DisplayName("Money: yuan exact to the fen")
class MoneyTest {

    @Test
    @DisplayName("every amount has two decimals, rounded half-up; equal amounts are equal whatever their input scale")
    void scale() {
        assertThat(Money.yuan(1800).amount()).isEqualTo(new BigDecimal("1800.00"));
        assertThat(Money.yuan("0.125")).isEqualTo(Money.yuan("0.13"));
        assertThat(Money.yuan("0.124")).isEqualTo(Money.yuan("0.12"));
        assertThat(Money.yuan("-0.125")).isEqualTo(Money.yuan("-0.13"));
        assertThat(Money.yuan("1800")).isEqualTo(Money.yuan("1800.000")).hasSameHashCodeAs(Money.yuan("1800.00"));
        assertThat(Money.ZERO.toString()).isEqualTo("0.00");
        assertThat(Money.yuan("4300").toString()).isEqualTo("4300.00");
        assertThat(Money.yuan("1E+3").toString()).as("never in exponent notation").isEqualTo("1000.00");
        assertThatThrownBy(() -> new Money(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("exact refuses a third decimal instead of rounding it; orNull keeps a missing amount missing")
    void exact() {
        assertThat(Money.exact(new BigDecimal("1800"))).isEqualTo(Money.yuan("1800.00"));
        assertThat(Money.exact(new BigDecimal("1800.500"))).isEqualTo(Money.yuan("1800.50"));
        assertThatThrownBy(() -> Money.exact(new BigDecimal("1800.005"))).isInstanceOf(ArithmeticException.class);
        assertThat(Money.orNull(null)).isNull();
        assertThat(Money.orNull(new BigDecimal("2.5"))).isEqualTo(Money.yuan("2.50"));
    }

    @Test
    @DisplayName("arithmetic stays at two decimals; a rule may round down")
    void arithmetic() {
        Money a = Money.yuan("2000.00");
        assertThat(a.plus(Money.yuan("0.01"))).isEqualTo(Money.yuan("2000.01"));
        assertThat(a.minus(Money.yuan("2400"))).isEqualTo(Money.yuan("-400.00"));
        assertThat(a.negate()).isEqualTo(Money.yuan("-2000"));
        assertThat(a.times(3)).isEqualTo(Money.yuan("6000.00"));
        assertThat(Money.yuan("1333.33").times(new BigDecimal("0.005"))).isEqualTo(Money.yuan("6.67"));
        assertThat(Money.yuan("1333.33").times(new BigDecimal("0.005"), RoundingMode.DOWN)).isEqualTo(Money.yuan("6.66"));
        assertThat(Money.yuan("98000.00").dividedBy(139)).isEqualTo(Money.yuan("705.04"));
        assertThat(Money.yuan("1.00").dividedBy(8)).as("0.125 half-up").isEqualTo(Money.yuan("0.13"));
        assertThat(a.min(Money.yuan("1000"))).isEqualTo(Money.yuan("1000"));
        assertThat(Money.yuan("1000").min(a)).isEqualTo(Money.yuan("1000"));
        assertThat(List.of(Money.yuan("1"), Money.yuan("2.50")).stream().reduce(Money.ZERO, Money::plus))
                .isEqualTo(Money.yuan("3.50"));
    }

    @Test
    @DisplayName("sign and order")
    void sign() {
        assertThat(Money.yuan("-0.01").isNegative()).isTrue();
        assertThat(Money.yuan("-0.01").signum()).isEqualTo(-1);
        assertThat(Money.yuan("0.01").isPositive()).isTrue();
        assertThat(Money.yuan("0.004").isZero()).as("less than half a fen is nothing").isTrue();
        assertThat(Money.ZERO.isPositive()).isFalse();
        assertThat(Money.ZERO.isNegative()).isFalse();
        assertThat(Money.yuan("9.99")).isLessThan(Money.yuan("10"));
    }

    record Holder(Money amount, Money missing, List<Money> list) {
    }

    @Test
    @DisplayName("JSON: a plain number with two decimals, read back from any number")
    void json() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThat(json.writeValueAsString(Money.yuan("1800"))).isEqualTo("1800.00");
        assertThat(json.writeValueAsString(Money.yuan("-0.5"))).isEqualTo("-0.50");
        String text = json.writeValueAsString(new Holder(Money.yuan("2255.47"), null, List.of(Money.ZERO)));
        assertThat(text).isEqualTo("{\"amount\":2255.47,\"missing\":null,\"list\":[0.00]}");
        assertThat(json.readValue(text, Holder.class))
                .isEqualTo(new Holder(Money.yuan("2255.47"), null, List.of(Money.ZERO)));
        assertThat(json.readValue("1800", Money.class)).isEqualTo(Money.yuan("1800.00"));
        assertThat(json.readValue("0.1", Money.class)).as("no binary floating point on the way")
                .isEqualTo(Money.yuan("0.10"));
        assertThat(json.readValue("\"12.30\"", Money.class)).isEqualTo(Money.yuan("12.30"));
    }

    @Test
    @DisplayName("Spring converts a database BigDecimal to Money (rows mapped to records by column name)")
    void conversion() {
        assertThat(DefaultConversionService.getSharedInstance().convert(new BigDecimal("1800.5"), Money.class))
                .isEqualTo(Money.yuan("1800.50"));
    }
}

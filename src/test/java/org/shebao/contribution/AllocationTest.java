package org.shebao.contribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.common.Money;

@DisplayName("Allocation: contributions first, then late fees oldest first, the rest to credit (社会保险法 第八十六条 convention)")
class AllocationTest {

    @Test
    @DisplayName("1600.00 on 1512.00 owed, fees 18.00 and 9.22 owed: 1512.00 to the bill, 18.00 and 9.22 to the fees, 60.78 credit")
    void all() {
        Allocation a = Allocation.of(Money.yuan("1600.00"), Money.yuan("1512.00"), List.of(
                new Allocation.OpenFee(1L, Money.yuan("18.00")), new Allocation.OpenFee(2L, Money.yuan("9.22"))));
        assertThat(a.toBill()).isEqualTo(Money.yuan("1512.00"));
        assertThat(a.toFees()).containsExactly(new Allocation.FeePart(1L, Money.yuan("18.00")),
                new Allocation.FeePart(2L, Money.yuan("9.22")));
        assertThat(a.toCredit()).isEqualTo(Money.yuan("60.78"));
    }

    @Test
    @DisplayName("less than owed: all to the bill, nothing to the fees")
    void contributionsFirst() {
        Allocation a = Allocation.of(Money.yuan("1000.00"), Money.yuan("1512.00"),
                List.of(new Allocation.OpenFee(1L, Money.yuan("18.00"))));
        assertThat(a.toBill()).isEqualTo(Money.yuan("1000.00"));
        assertThat(a.toFees()).isEmpty();
        assertThat(a.toFeesTotal()).isEqualTo(Money.ZERO);
        assertThat(a.toCredit()).isEqualTo(Money.ZERO);
    }

    @Test
    @DisplayName("no bill: the oldest fee first, in part")
    void oldestFeeFirst() {
        Allocation a = Allocation.of(Money.yuan("20.00"), Money.ZERO, List.of(
                new Allocation.OpenFee(1L, Money.yuan("18.00")), new Allocation.OpenFee(2L, Money.yuan("9.22"))));
        assertThat(a.toFees()).containsExactly(new Allocation.FeePart(1L, Money.yuan("18.00")),
                new Allocation.FeePart(2L, Money.yuan("2.00")));
        assertThat(a.toCredit()).isEqualTo(Money.ZERO);
    }

    @Test
    @DisplayName("a zero or negative amount is a programming error")
    void nonPositive() {
        assertThatThrownBy(() -> Allocation.of(Money.ZERO, Money.ZERO, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

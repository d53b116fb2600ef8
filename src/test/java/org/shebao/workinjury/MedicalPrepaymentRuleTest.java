package org.shebao.workinjury;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.common.InvalidInputException;
import org.shebao.common.Money;
import org.shebao.policy.ParameterValues.Range;

@DisplayName("SX-1b MedicalPrepaymentRule: the pre-payment within 85%–90% of the declared amount, settlement both ways")
class MedicalPrepaymentRuleTest {
    private static final Range SX1B = new Range(new BigDecimal("0.85"), new BigDecimal("0.90"));

    @Test
    @DisplayName("SX-1b: 17000.00 × 0.88 = 14960.00; the bounds 0.85 and 0.90 are inside; 1234.57 × 0.88 = 1086.4216 → 1086.42")
    void prepayment() {
        assertThat(MedicalPrepaymentRule.prepayment(Money.yuan("17000.00"), new BigDecimal("0.88"), SX1B))
                .isEqualTo(Money.yuan("14960.00"));
        assertThat(MedicalPrepaymentRule.prepayment(Money.yuan("100.00"), new BigDecimal("0.85"), SX1B))
                .isEqualTo(Money.yuan("85.00"));
        assertThat(MedicalPrepaymentRule.prepayment(Money.yuan("100.00"), new BigDecimal("0.9"), SX1B))
                .isEqualTo(Money.yuan("90.00"));
        assertThat(MedicalPrepaymentRule.prepayment(Money.yuan("1234.57"), new BigDecimal("0.88"), SX1B))
                .isEqualTo(Money.yuan("1086.42"));
    }

    @Test
    @DisplayName("SX-1b: 0.95 and 0.8499 are refused naming the ratio and the range 85–90")
    void outsideRange() {
        for (String r : new String[] {"0.95", "0.8499"}) {
            assertThatThrownBy(() -> MedicalPrepaymentRule.prepayment(Money.yuan("100.00"), new BigDecimal(r), SX1B))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.violations().get(0).field()).isEqualTo("ratio");
                        assertThat(e.violations().get(0).args()).containsExactly("85", "90");
                    });
        }
    }

    @Test
    @DisplayName("SX-1b 多退少补: approved 16500.00 on 14960.00 pre-paid → top-up 1540.00; 8000.00 on 8800.00 → refund "
            + "800.00; equal → nothing")
    void settlement() {
        assertThat(MedicalPrepaymentRule.settle(Money.yuan("16500.00"), Money.yuan("14960.00")))
                .isEqualTo(new MedicalPrepaymentRule.Settlement(MedicalPrepaymentRule.Outcome.TOP_UP, Money.yuan("1540.00")));
        assertThat(MedicalPrepaymentRule.settle(Money.yuan("8000.00"), Money.yuan("8800.00")))
                .isEqualTo(new MedicalPrepaymentRule.Settlement(MedicalPrepaymentRule.Outcome.REFUND, Money.yuan("800.00")));
        assertThat(MedicalPrepaymentRule.settle(Money.yuan("8800.00"), Money.yuan("8800.00")).outcome())
                .isEqualTo(MedicalPrepaymentRule.Outcome.EVEN);
    }
}

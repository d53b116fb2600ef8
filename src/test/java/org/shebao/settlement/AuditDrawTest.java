package org.shebao.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.common.Money;

@DisplayName("稽核内审 draw (N-1e, FJ-1.7): ordered by the stable key, reproducible from the seed")
class AuditDrawTest {

    private static List<AuditCandidate> population(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> new AuditCandidate("350100", "payroll-order:" + (1000 + i),
                null, "户名" + i, List.of("N-1e"), Money.yuan(i))).toList();
    }

    @Test
    @DisplayName("N-1e, FJ-1.7: the same seed over the same population draws the same items in the same order, "
            + "whatever order the population came in; another seed draws another sample")
    void sameSeedSameSample() {
        List<AuditCandidate> ordered = AuditDraw.ordered(population(40));
        List<AuditCandidate> shuffled = new ArrayList<>(population(40));
        java.util.Collections.reverse(shuffled);
        List<AuditCandidate> a = AuditDraw.draw(ordered, 8, 20200124L);
        List<AuditCandidate> b = AuditDraw.draw(AuditDraw.ordered(shuffled), 8, 20200124L);
        assertThat(a).hasSize(8).doesNotHaveDuplicates().isEqualTo(b);
        assertThat(AuditDraw.draw(ordered, 8, 20200125L)).isNotEqualTo(a);
        assertThat(InternalAudit.digest(ordered)).isEqualTo(InternalAudit.digest(AuditDraw.ordered(shuffled)))
                .hasSize(64);
        assertThat(AuditDraw.draw(ordered, 40, 7L)).containsExactlyInAnyOrderElementsOf(ordered);
    }

    @Test
    @DisplayName("N-1e, FJ-1.7: a share is rounded up, at least one item; a size beyond the population is refused")
    void shareAndSize() {
        assertThat(AuditDraw.sizeOf(new BigDecimal("0.1"), 40)).isEqualTo(4);
        assertThat(AuditDraw.sizeOf(new BigDecimal("0.1"), 41)).isEqualTo(5);
        assertThat(AuditDraw.sizeOf(new BigDecimal("0.0001"), 3)).isEqualTo(1);
        assertThat(AuditDraw.sizeOf(BigDecimal.ONE, 3)).isEqualTo(3);
        assertThatThrownBy(() -> AuditDraw.draw(AuditDraw.ordered(population(3)), 4, 1L))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package org.shebao.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.common.ConflictException;

@DisplayName("Case workflow: the table of legal transitions (一次性告知: returned once; 不予受理 only after acceptance)")
class CaseStepTest {

    @Test
    @DisplayName("exactly these transitions are legal")
    void table() {
        List<String> legal = new ArrayList<>();
        for (CaseStep step : CaseStep.values()) {
            for (CaseStatus s : CaseStatus.values()) {
                if (step.allowedFrom(s)) {
                    legal.add(s + " -" + step + "-> " + step.to());
                }
            }
        }
        assertThat(legal).containsExactlyInAnyOrder(
                "SUBMITTED -ACCEPT-> ACCEPTED",
                "SUBMITTED -RETURN-> RETURNED",
                "RETURNED -RESUBMIT-> SUBMITTED",
                "ACCEPTED -PRE_REVIEW-> PRE_REVIEWED",
                "PRE_REVIEWED -APPROVE-> APPROVED",
                "ACCEPTED -REJECT-> REJECTED",
                "PRE_REVIEWED -REJECT-> REJECTED");
    }

    @Test
    @DisplayName("a closed case (approved or rejected) allows no step, and an illegal step is a conflict naming the status")
    void closedAndIllegal() {
        for (CaseStatus closed : EnumSet.of(CaseStatus.APPROVED, CaseStatus.REJECTED)) {
            assertThat(closed.isOpen()).isFalse();
            for (CaseStep step : CaseStep.values()) {
                assertThat(step.allowedFrom(closed)).as(step + " from " + closed).isFalse();
            }
        }
        assertThatThrownBy(() -> CaseStep.APPROVE.from(CaseStatus.SUBMITTED)).isInstanceOf(ConflictException.class);
        assertThat(CaseStep.REJECT.from(CaseStatus.PRE_REVIEWED)).isEqualTo(CaseStatus.REJECTED);
    }
}

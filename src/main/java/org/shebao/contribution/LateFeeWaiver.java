package org.shebao.contribution;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.shebao.policy.Deadline;

/**
 * A decision, taken elsewhere, that a late payment's fee is waived, with the clauses or articles it rests on: the
 * late-fee rule takes it as an input and does not judge it.
 */
public record LateFeeWaiver(String reason, List<String> sources) {

    public LateFeeWaiver {
        if (reason == null || reason.isBlank() || sources == null || sources.isEmpty()) {
            throw new IllegalArgumentException("a waiver names its reason and at least one source");
        }
        sources = List.copyOf(sources);
    }

    /**
     * N-5c / FJ-5c: a late payment completed by the deadline “lifted + 3 months” costs no late fee. The deadline is
     * the policy module's (e.g. {@code Deadlines.of("LIFTED_PLUS_3_MONTHS", region, day)}, counted as the Civil Code
     * counts periods); while it is pending (lifted date unknown) every payment is in time. Empty when the payment came
     * after the deadline: the normal rule applies.
     */
    public static Optional<LateFeeWaiver> paidByDeadline(Deadline deadline, LocalDate paidOn, List<String> clauses) {
        if (!deadline.inTime(paidOn)) {
            return Optional.empty();
        }
        String when = deadline.isPending() ? "疫情解除日期待定，补缴期限未届满" : "于疫情解除后三个月内（" + deadline.dueOn() + "前）完成补缴";
        return Optional.of(new LateFeeWaiver(when + "，免收滞纳金", clauses));
    }

    /**
     * 缓缴: an approved deferral (人社部发〔2020〕11号 第三条 “缓缴期间免收滞纳金”) paid by its end. The caller decides
     * that the payment falls within the deferral; a payment after it is charged from the deferral's end, which the
     * caller passes to the rule as the due date.
     */
    public static LateFeeWaiver deferral(String deferralReference) {
        return new LateFeeWaiver("缓缴期间免收滞纳金（" + deferralReference + "）", List.of("人社部发〔2020〕11号 第三条"));
    }
}

package org.shebao.workinjury.internal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.shebao.policy.Implements;
import org.shebao.workinjury.ClaimChannel;

/**
 * When was recognition applied for? FJ-6c (电话申请时点、寄出邮件邮戳时点、政务网网上申请时点计为申请时效): where
 * the measure is in force, the earliest of the phone call, the postmark of the letter and the online submission
 * (and the formal application at the window); elsewhere a phone call is not an application, and the earliest of
 * the others counts. The filing limit is judged on that day.
 */
@Implements(measure = "APPRAISAL_DEADLINE_EXTENSION", rule = "工伤认定申请时间取电话、邮戳、网上申请中最早者（各附证据），据以判断申请时限（FJ-6c）",
        ruleEn = "Recognition applied for at the earliest of phone call, postmark and online submission (each with evidence); the filing limit is judged on it (FJ-6c)")
public final class ApplicationTimeRule {
    private ApplicationTimeRule() {
    }

    /** A recorded time an application reached the department. */
    public record Claim(ClaimChannel channel, LocalDate on) {
    }

    /** The claim that counts as the application, when one does. */
    public static Optional<Claim> applicationTime(List<Claim> claims, boolean fj6cInForce) {
        return claims.stream().filter(c -> fj6cInForce || c.channel().formal())
                .min(Comparator.comparing(Claim::on).thenComparing(Claim::channel));
    }
}

package org.shebao.policy.internal;

import java.util.List;

/** A deadline counted from an emergency date: “lifted + 3 months” (N-5c, SX-3 …), “level-1 end + 15 days” (FJ-6b). */
public record DeadlineRule(String code, EmergencyDate basis, TimeLimit limit, String name, String nameEn,
                           List<String> clauses) {
}

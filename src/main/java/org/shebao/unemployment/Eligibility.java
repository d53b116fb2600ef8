package org.shebao.unemployment;

import java.util.List;

/**
 * Whether a claimant qualifies (失业保险条例 第十四条): each condition met or not, with what was found and its source.
 * {@code code} names the condition ({@code unemployment.condition.CODE}).
 */
public record Eligibility(List<Condition> conditions) {

    public record Condition(String code, boolean met, String found, String source) {
    }

    public boolean met() {
        return conditions.stream().allMatch(Condition::met);
    }
}

package org.shebao.contribution;

import java.math.BigDecimal;

/**
 * The 2020 relief of employer shares (阶段性减免) that applies to one employer in one month: the share of the
 * employer contribution still due ({@code factor}: 0 exempt, 0.5 halved, 1 none) and the source it rests on (null
 * when no relief is in force for the month and no exclusion needs saying).
 */
public record Relief(Kind kind, BigDecimal factor, String source) {

    public enum Kind {
        /** No relief in force for this employer's class in this month. */
        NONE,
        /** 免征: the employer shares are not collected. */
        EXEMPT,
        /** 减征: a part is collected (減半征收: factor 0.5). */
        REDUCED,
        /** The month is in a relief period but the unit is excluded (机关事业单位). */
        EXCLUDED
    }

    static final Relief NONE = new Relief(Kind.NONE, BigDecimal.ONE, null);

    static Relief of(BigDecimal factor, String source) {
        if (factor.signum() < 0 || factor.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("a relief factor lies in [0, 1], was " + factor);
        }
        if (factor.compareTo(BigDecimal.ONE) == 0) {
            return new Relief(Kind.NONE, BigDecimal.ONE, source);
        }
        return new Relief(factor.signum() == 0 ? Kind.EXEMPT : Kind.REDUCED, factor, source);
    }

    public boolean relieves() {
        return kind == Kind.EXEMPT || kind == Kind.REDUCED;
    }

    /** How a bill line names it. */
    public String label() {
        return switch (kind) {
            case NONE -> "";
            case EXEMPT -> "阶段性免征单位缴费";
            case REDUCED -> factor.compareTo(new BigDecimal("0.5")) == 0 ? "阶段性减半征收单位缴费"
                    : "阶段性减征单位缴费（按" + BaseDecision.percent(factor) + "征收）";
            case EXCLUDED -> "机关事业单位不适用阶段性减免";
        };
    }
}

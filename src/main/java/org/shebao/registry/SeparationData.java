package org.shebao.registry;

/** 减员: the last day of the employment (yyyy-MM-dd) and the reason ({@link SeparationReason}'s code). */
public record SeparationData(String endedOn, String reason) {
}

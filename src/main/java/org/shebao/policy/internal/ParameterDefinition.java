package org.shebao.policy.internal;

/** What a parameter is: key, type, names and unit (its values carry dates, regions and sources). */
public record ParameterDefinition(String key, ParameterType type, String name, String nameEn, String unit) {
}

package org.shebao.policy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a rule (a class) that carries out a measure of the catalog ({@code policy/measures.yml}). A measure is shown
 * in force only when it is implemented: a measure without a rule carrying this annotation must name the issue it
 * waits for, and a measure that waits for an issue has no such rule (MeasureImplementationTest). The screens list
 * the rules of each measure by their {@code rule} name.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Implements.All.class)
public @interface Implements {
    /** The measure code of the catalog. */
    String measure();

    /** What the rule does, in Chinese, as users read it. */
    String rule();

    /** The same in English. */
    String ruleEn();

    /** Several measures carried out by one class. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    public @interface All {
        Implements[] value();
    }
}

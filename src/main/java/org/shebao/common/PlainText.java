package org.shebao.common;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.OverridesAttribute;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.hibernate.validator.constraints.CodePointLength;

/**
 * A line of text a person typed: at most {@code max} characters, counted as the database counts them (code points:
 * a rare name character outside the BMP is one), and no control characters. Null passes: add {@code @NotBlank} when
 * the field is required.
 */
@Documented
@Constraint(validatedBy = {})
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
@CodePointLength(max = 0, message = "{error.tooLong}")
@Pattern(regexp = "\\P{Cc}*", message = "{error.format}")
public @interface PlainText {
    @OverridesAttribute(constraint = CodePointLength.class, name = "max")
    int max();

    String message() default "{error.format}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}

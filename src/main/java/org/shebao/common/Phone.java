package org.shebao.common;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.hibernate.validator.constraints.CodePointLength;

/** A Chinese mobile (1xxxxxxxxxx) or landline (0xx-xxxxxxxx) number, at most 20 characters. Null passes. */
@Documented
@Constraint(validatedBy = {})
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
@CodePointLength(max = 20, message = "{error.tooLong}")
@Pattern(regexp = "1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}", message = "{error.phone}")
public @interface Phone {
    String message() default "{error.phone}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}

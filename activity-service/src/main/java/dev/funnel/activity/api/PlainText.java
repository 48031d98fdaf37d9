package dev.funnel.activity.api;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Text PostgreSQL can store: no NUL character. Refused here as a 400 naming the field, instead of
 * failing the insert with a 500.
 */
@Pattern(regexp = "[^\\x00]*")
@ReportAsSingleViolation
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
@Constraint(validatedBy = {})
public @interface PlainText {

    String message() default "must not contain the NUL character (\\u0000)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}

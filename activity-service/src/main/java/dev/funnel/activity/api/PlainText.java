package dev.funnel.activity.api;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Text PostgreSQL can store as it was sent: no NUL character (the insert would fail with a 500) and no
 * unpaired UTF-16 surrogate (it would be stored as "?", and an identical replay would then be a 409).
 * Refused here as a 400 naming the field; each rule reports its own message.
 */
@Pattern(regexp = "[^\\x00]*", message = "must not contain the NUL character (\\u0000)")
@Pattern(regexp = "[^\\x{D800}-\\x{DFFF}]*", message = "must not contain an unpaired surrogate (\\uD800-\\uDFFF)")
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
@Constraint(validatedBy = {})
public @interface PlainText {

    String message() default "must be text PostgreSQL can store";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}

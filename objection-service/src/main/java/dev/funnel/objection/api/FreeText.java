package dev.funnel.objection.api;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * What a seller writes down: 1 to 2,000 characters, not only blanks. PostgreSQL cannot store the NUL
 * character in text, so it is refused here as a 400 instead of failing the insert. An unpaired UTF-16
 * surrogate (JSON allows {@code "\\ud800"}) has no UTF-8 form: the driver would store it as "?", changing
 * the text and turning an identical retry into a 409, so it is refused too. Java's regular expressions read
 * a valid pair as one code point outside the surrogate range.
 */
@NotBlank
@Size(max = 2000)
@Pattern(regexp = "[^\\x00]*", message = "must not contain the NUL character (\\u0000)")
@Pattern(regexp = "[^\\x{D800}-\\x{DFFF}]*", message = "must not contain an unpaired surrogate (\\uD800-\\uDFFF)")
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
@Constraint(validatedBy = {})
public @interface FreeText {

    String message() default "must be 1 to 2000 characters of text";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}

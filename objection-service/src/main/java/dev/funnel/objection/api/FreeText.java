package dev.funnel.objection.api;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.funnel.web.StorableText;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** What a seller writes down: 1 to 2,000 characters, not only blanks, and text PostgreSQL stores as sent. */
@NotBlank
@Size(max = 2000)
@StorableText
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
@Constraint(validatedBy = {})
public @interface FreeText {

    String message() default "must be 1 to 2000 characters of text";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}

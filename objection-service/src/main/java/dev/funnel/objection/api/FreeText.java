package dev.funnel.objection.api;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.funnel.web.StorableText;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * What a seller writes down: 1 to 2,000 characters, not only blanks, and text PostgreSQL stores as sent
 * ({@link StorableText}'s rule, which its validator applies here).
 */
@NotBlank
@Size(max = 2000)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
@Constraint(validatedBy = FreeText.Validator.class)
public @interface FreeText {

    String message() default StorableText.NUL;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /**
     * Hands the text to StorableText's own validator: {@code @StorableText} cannot be placed on this annotation
     * (its target does not include annotation types), and the rule must stay written once.
     */
    class Validator implements ConstraintValidator<FreeText, String> {

        private final StorableText.Validator storable = new StorableText.Validator();

        @Override
        public boolean isValid(String text, ConstraintValidatorContext context) {
            return storable.isValid(text, context);
        }
    }
}

package dev.funnel.web;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Text PostgreSQL stores as given, refused here as a 400 naming the field instead of failing the insert with a
 * 500 or being changed on the way in: no NUL character (PostgreSQL refuses it), and no unpaired UTF-16
 * surrogate (JSON allows {@code "\ud800"}, but it has no UTF-8 form and would be stored as "?", so an identical
 * replay of the request would no longer match what was stored). A service's own text constraint can carry it.
 */
@Target({FIELD, PARAMETER, RECORD_COMPONENT, ANNOTATION_TYPE})
@Retention(RUNTIME)
@Constraint(validatedBy = StorableText.Validator.class)
public @interface StorableText {

    String NUL = "must not contain the NUL character (\\u0000)";
    String UNPAIRED_SURROGATE = "must not contain an unpaired surrogate (\\uD800-\\uDFFF)";

    String message() default NUL;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Names the first thing wrong with the text. */
    class Validator implements ConstraintValidator<StorableText, String> {

        @Override
        public boolean isValid(String text, ConstraintValidatorContext context) {
            String problem = problem(text);
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
            return false;
        }

        /** What PostgreSQL could not store as given, or null when the text is fine (or absent). */
        public static String problem(String text) {
            if (text == null) {
                return null;
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\u0000') {
                    return NUL;
                }
                if (Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    return UNPAIRED_SURROGATE;
                }
            }
            return null;
        }
    }
}

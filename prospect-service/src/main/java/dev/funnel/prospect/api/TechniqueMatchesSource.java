package dev.funnel.prospect.api;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.funnel.events.ProspectSource;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A farmed (MARKETING) prospect names the technique that brought it; a hunted (SALES) one has none.
 * Reported on the {@code technique} field, so the client sees which field to fix.
 */
@Target(TYPE)
@Retention(RUNTIME)
@Constraint(validatedBy = TechniqueMatchesSource.Validator.class)
public @interface TechniqueMatchesSource {

    String message() default "is required when source is MARKETING and must be absent when source is SALES";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks technique against source. */
    class Validator implements ConstraintValidator<TechniqueMatchesSource, RegisterProspectRequest> {

        @Override
        public boolean isValid(RegisterProspectRequest request, ConstraintValidatorContext context) {
            if (request == null || request.source() == null) {
                return true;
            }
            boolean hasTechnique = request.technique() != null;
            boolean valid = (request.source() == ProspectSource.MARKETING) == hasTechnique;
            if (!valid) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                        .addPropertyNode("technique")
                        .addConstraintViolation();
            }
            return valid;
        }
    }
}

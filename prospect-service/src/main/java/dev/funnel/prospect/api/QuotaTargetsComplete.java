package dev.funnel.prospect.api;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A quota has a target (customers, a value, or both), and a value comes with its currency. Each refusal is reported
 * on the field to add, so the client sees which one to fix.
 */
@Target(TYPE)
@Retention(RUNTIME)
@Constraint(validatedBy = QuotaTargetsComplete.Validator.class)
public @interface QuotaTargetsComplete {

    String message() default "a quota needs customersTarget, valueTargetMinor with currency, or both";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the targets against each other. */
    class Validator implements ConstraintValidator<QuotaTargetsComplete, SetQuotaRequest> {

        @Override
        public boolean isValid(SetQuotaRequest request, ConstraintValidatorContext context) {
            if (request == null) {
                return true;
            }
            if (request.valueTargetMinor() != null && request.currency() == null) {
                return refuse(context, "currency", "is required with valueTargetMinor");
            }
            if (request.valueTargetMinor() == null && request.currency() != null) {
                return refuse(context, "valueTargetMinor", "is required when currency is given");
            }
            if (request.valueTargetMinor() == null && request.customersTarget() == null) {
                return refuse(context, "customersTarget",
                        "is required when valueTargetMinor is left out: a quota needs a target");
            }
            return true;
        }

        private static boolean refuse(ConstraintValidatorContext context, String field, String message) {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
            return false;
        }
    }
}

package dev.funnel.objection.api;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Instant;

/**
 * A time something was said or done: not in the future by the service clock (what has not happened cannot
 * be recorded), and not before 2000, which catches a typo such as 1026.
 */
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
@Constraint(validatedBy = PlausibleTime.Validator.class)
public @interface PlausibleTime {

    String message() default "must be between 2000-01-01T00:00:00Z and now";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the time against the service clock; a bean, so the clock is injected. */
    @ApplicationScoped
    class Validator implements ConstraintValidator<PlausibleTime, Instant> {

        private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

        @Inject
        Clock clock;

        @Override
        public boolean isValid(Instant time, ConstraintValidatorContext context) {
            return time == null || (!time.isBefore(EARLIEST) && !time.isAfter(clock.instant()));
        }
    }
}

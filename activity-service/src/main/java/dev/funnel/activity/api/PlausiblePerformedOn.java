package dev.funnel.activity.api;

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
import java.time.LocalDate;

/**
 * A day marketing work can have been done on: from 2000-01-01 to tomorrow (UTC), so an owner ahead of
 * UTC can log today's work, and a typo such as 2206 is caught.
 */
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
@Constraint(validatedBy = PlausiblePerformedOn.Validator.class)
public @interface PlausiblePerformedOn {

    String message() default "must be between 2000-01-01 and tomorrow";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the day against the service clock; a bean, so the clock is injected. */
    @ApplicationScoped
    class Validator implements ConstraintValidator<PlausiblePerformedOn, LocalDate> {

        private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

        @Inject
        Clock clock;

        @Override
        public boolean isValid(LocalDate day, ConstraintValidatorContext context) {
            return day == null || (!day.isBefore(EARLIEST) && !day.isAfter(LocalDate.now(clock).plusDays(1)));
        }
    }
}

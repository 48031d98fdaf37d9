package dev.funnel.activity.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Dates in query parameters, parsed here rather than by JAX-RS: a parameter JAX-RS cannot convert
 * gives 404, while a client who typed a bad date deserves a 400 naming the parameter.
 */
final class QueryDates {

    private QueryDates() {
    }

    static Optional<LocalDate> parse(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            throw ActivityProblems.invalidQuery(name, "must be a date as YYYY-MM-DD but was '" + value + "'");
        }
    }

    static void requireOrdered(Optional<LocalDate> from, Optional<LocalDate> to) {
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw ActivityProblems.invalidQuery("to", "must not be before from (" + from.get() + ")");
        }
    }
}

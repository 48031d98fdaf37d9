package dev.funnel.activity.api;

import dev.funnel.activity.domain.Technique;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response.Status;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Query parameters, parsed here rather than by JAX-RS: a parameter JAX-RS cannot convert gives 404, while
 * a client who typed a bad value deserves a 400 naming the parameter, in the shape of every other 400. A
 * value the database cannot take (a NUL character, a year beyond 9999) is refused here too, instead of
 * failing the query with a 500.
 */
final class QueryParameters {

    /** Four-digit years only: {@code +999999999-01-01} parses as a LocalDate, but PostgreSQL refuses it. */
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private QueryParameters() {
    }

    /** A technique slug to filter by; no technique has any other text, so anything else is a mistake. */
    static Optional<String> slug(String name, String value) {
        if (isAbsent(value)) {
            return Optional.empty();
        }
        if (!Technique.isSlug(value)) {
            throw invalid(name, "must be 2 to 40 of a-z, 0-9 and -");
        }
        return Optional.of(value);
    }

    static Optional<LocalDate> date(String name, String value) {
        if (isAbsent(value)) {
            return Optional.empty();
        }
        try {
            if (DAY.matcher(value).matches()) {
                return Optional.of(LocalDate.parse(value));
            }
        } catch (DateTimeParseException e) {
            // an impossible day such as 2026-02-30: refused below, as any other malformed day
        }
        throw invalid(name, "must be a date as YYYY-MM-DD but was '" + shown(value) + "'");
    }

    static void requireOrdered(Optional<LocalDate> from, Optional<LocalDate> to) {
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw invalid("to", "must not be before from (" + from.get() + ")");
        }
    }

    static int integer(String name, String value, int defaultValue, int min, int max) {
        if (isAbsent(value)) {
            return defaultValue;
        }
        int number;
        try {
            number = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw invalid(name, "must be a whole number from " + min + " to " + max);
        }
        if (number < min || number > max) {
            throw invalid(name, "must be from " + min + " to " + max);
        }
        return number;
    }

    static HttpProblem invalid(String parameter, String message) {
        return HttpProblem.builder()
                .withStatus(Status.BAD_REQUEST)
                .withTitle(Status.BAD_REQUEST.getReasonPhrase())
                .withDetail("Query parameter " + parameter + " " + message)
                .with("violations", List.of(Map.of("field", parameter, "in", "query", "message", message)))
                .build();
    }

    private static boolean isAbsent(String value) {
        return value == null || value.isBlank();
    }

    private static String shown(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }
}

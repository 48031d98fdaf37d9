package dev.funnel.prospect.api;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response.Status;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Query parameters, parsed here rather than by JAX-RS: a parameter JAX-RS cannot convert gives 404, while
 * a client who typed a bad value deserves a 400 naming the parameter, in the shape of every other 400.
 */
final class QueryParameters {

    private QueryParameters() {
    }

    /** Text to compare with a column: refused when PostgreSQL could not even hold it (a NUL character). */
    static Optional<String> text(String name, String value) {
        if (isAbsent(value)) {
            return Optional.empty();
        }
        String problem = PlainText.Validator.problem(value);
        if (problem != null) {
            throw invalid(name, problem);
        }
        return Optional.of(value);
    }

    static <E extends Enum<E>> Optional<E> constant(String name, String value, Class<E> type) {
        if (isAbsent(value)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, value.strip()));
        } catch (IllegalArgumentException e) {
            throw invalid(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
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
}

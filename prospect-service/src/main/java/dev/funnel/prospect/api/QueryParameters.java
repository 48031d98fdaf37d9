package dev.funnel.prospect.api;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response.Status;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Enum query parameters, parsed here rather than by JAX-RS: a parameter JAX-RS cannot convert gives
 * 404, while a client who typed a bad value deserves a 400 naming the parameter and the choices.
 */
final class QueryParameters {

    private QueryParameters() {
    }

    static <E extends Enum<E>> Optional<E> oneOf(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, value));
        } catch (IllegalArgumentException e) {
            String choices = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw invalid(name, "must be one of " + choices + " but was '" + value + "'");
        }
    }

    static HttpProblem invalid(String parameter, String message) {
        return HttpProblem.builder()
                .withStatus(Status.BAD_REQUEST)
                .withTitle(Status.BAD_REQUEST.getReasonPhrase())
                .with("violations", List.of(Map.of("field", parameter, "in", "query", "message", message)))
                .build();
    }
}

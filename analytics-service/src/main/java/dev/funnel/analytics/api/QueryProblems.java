package dev.funnel.analytics.api;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects what is wrong with a request's query parameters, so that one 400 names every invalid parameter. The
 * {@code violations} list has the shape quarkus-resteasy-problem gives validation problems, as in every service
 * of the platform.
 */
final class QueryProblems {

    private final List<Map<String, String>> violations = new ArrayList<>();

    void add(String parameter, String message) {
        Map<String, String> violation = new LinkedHashMap<>();
        violation.put("field", parameter);
        violation.put("in", "query");
        violation.put("message", message);
        violations.add(violation);
    }

    boolean has(String parameter) {
        return violations.stream().anyMatch(v -> v.get("field").equals(parameter));
    }

    /** @throws HttpProblem a 400 naming every violation, if there is any */
    void throwIfAny() {
        if (violations.isEmpty()) {
            return;
        }
        throw HttpProblem.builder()
                .withStatus(Status.BAD_REQUEST)
                .withTitle(Status.BAD_REQUEST.getReasonPhrase())
                .withDetail(violations.size() == 1 ? "A query parameter is invalid"
                        : violations.size() + " query parameters are invalid")
                .with("violations", List.copyOf(violations))
                .build();
    }
}

package dev.funnel.webapp.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns every refusal of a service into an {@link ApiProblem}, whatever its body: the services answer problem
 * details, but a proxy, an outage or a crash may answer anything, and the person still gets words, never a trace.
 */
public class ProblemResponseMapper implements ResponseExceptionMapper<ApiProblem> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> STANDARD = Set.of("type", "title", "status", "detail", "instance", "violations");

    @Override
    public ApiProblem toThrowable(Response response) {
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        return read(response.getStatus(), body, response.getHeaderString(HttpHeaders.RETRY_AFTER));
    }

    /** The problem in {@code body}, or one made from the status alone when the body is not a problem detail. */
    static ApiProblem read(int status, String body, String retryAfter) {
        Optional<Integer> retry = seconds(retryAfter);
        JsonNode problem;
        try {
            problem = body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (Exception notJson) {
            problem = null;
        }
        if (problem == null || !problem.isObject()) {
            return new ApiProblem(status, reasonOf(status), null, List.of(), Map.of(), retry);
        }
        List<ApiProblem.Violation> violations = new ArrayList<>();
        for (JsonNode violation : problem.path("violations")) {
            violations.add(new ApiProblem.Violation(violation.path("field").asText(""),
                    violation.path("in").asText(""), violation.path("message").asText("")));
        }
        Map<String, Object> members = new LinkedHashMap<>();
        problem.fields().forEachRemaining(member -> {
            if (!STANDARD.contains(member.getKey())) {
                members.put(member.getKey(), member.getValue().isValueNode() ? member.getValue().asText()
                        : member.getValue().toString());
            }
        });
        String title = problem.path("title").asText("");
        String detail = problem.hasNonNull("detail") ? problem.get("detail").asText() : null;
        return new ApiProblem(problem.path("status").asInt(status), title.isBlank() ? reasonOf(status) : title,
                detail, violations, members, retry);
    }

    private static Optional<Integer> seconds(String retryAfter) {
        if (retryAfter == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(retryAfter.trim()));
        } catch (NumberFormatException httpDate) {
            return Optional.empty();
        }
    }

    private static String reasonOf(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "HTTP " + status : known.getReasonPhrase();
    }
}

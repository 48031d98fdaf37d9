package dev.funnel.web;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response.Status;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Problem details (RFC 9457) in the one shape every service answers with: a status, its reason phrase as the title,
 * a detail for a person, and for a refusal of the request's content, {@code violations} naming each field, where it
 * was ({@code body}, {@code query}, {@code path}, {@code header}) and what is wrong with it, as
 * quarkus-resteasy-problem gives Bean Validation's.
 */
public final class Problems {

    private Problems() {
    }

    /** A problem of a standard status, to add fields to. */
    public static HttpProblem.Builder of(Status status, String detail) {
        return of(status.getStatusCode(), status.getReasonPhrase(), detail);
    }

    /** A problem of a status {@link Status} does not name, such as 422 Unprocessable Content. */
    public static HttpProblem.Builder of(int status, String title, String detail) {
        return HttpProblem.builder().withStatus(status).withTitle(title).withDetail(detail);
    }

    /** A 400 naming one field. */
    public static HttpProblem invalid(String field, String in, String message, String detail) {
        return of(Status.BAD_REQUEST, detail).with("violations", List.of(violation(field, in, message))).build();
    }

    /** One entry of {@code violations}. */
    public static Map<String, String> violation(String field, String in, String message) {
        Map<String, String> violation = new LinkedHashMap<>();
        violation.put("field", field);
        violation.put("in", in);
        violation.put("message", message);
        return violation;
    }

    /**
     * Answers with a problem from a Vert.x route, which runs before JAX-RS and so before quarkus-resteasy-problem:
     * the same fields, {@code instance} being the request's path. Headers of its own the caller puts first.
     */
    static Future<Void> end(RoutingContext context, int status, String title, String detail) {
        return context.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .end(new JsonObject()
                        .put("status", status)
                        .put("title", title)
                        .put("detail", detail)
                        .put("instance", context.request().path())
                        .encode());
    }
}

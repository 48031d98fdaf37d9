package dev.funnel.activity.api;

import dev.funnel.activity.domain.RejectedActivitiesException;
import dev.funnel.activity.domain.RejectedActivitiesException.Reason;
import dev.funnel.activity.domain.RejectedActivitiesException.Rejection;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;
import java.util.Map;

/**
 * RFC 9457 problem details for what Bean Validation cannot see: references to missing things and
 * reused ids. The {@code violations} list has the same shape the validation problems of
 * quarkus-resteasy-problem use, so a client reads every 400 the same way.
 */
final class ActivityProblems {

    private static final int UNPROCESSABLE_CONTENT = 422;

    private ActivityProblems() {
    }

    /** One activity: an unknown technique is 422 (well-formed, but refers to nothing), a reused id 409. */
    static HttpProblem single(RejectedActivitiesException rejected) {
        Rejection rejection = rejected.rejections().get(0);
        boolean conflict = rejection.reason() == Reason.ID_CONFLICT;
        return HttpProblem.builder()
                .withStatus(conflict ? Status.CONFLICT.getStatusCode() : UNPROCESSABLE_CONTENT)
                .withTitle(conflict ? "Conflict" : "Unprocessable Content")
                .withDetail(rejection.message())
                .with("violations", List.of(violation(rejection.field(), rejection.message())))
                .build();
    }

    /** A batch: each rejected item named by its index; 409 only when every rejection is a reused id. */
    static HttpProblem batch(RejectedActivitiesException rejected) {
        Status status = rejected.onlyConflicts() ? Status.CONFLICT : Status.BAD_REQUEST;
        return HttpProblem.builder()
                .withStatus(status)
                .withTitle(status.getReasonPhrase())
                .withDetail(rejected.rejections().size() + " of the activities were rejected; nothing was stored")
                .with("violations", rejected.rejections().stream()
                        .map(r -> violation("activities[" + r.index() + "]." + r.field(), r.message()))
                        .toList())
                .build();
    }

    private static Map<String, String> violation(String field, String message) {
        return Map.of("field", field, "in", "body", "message", message);
    }
}

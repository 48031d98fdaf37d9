package dev.funnel.activity.api;

import dev.funnel.activity.domain.RejectedActivitiesException;
import dev.funnel.activity.domain.RejectedActivitiesException.Reason;
import dev.funnel.activity.domain.RejectedActivitiesException.Rejection;
import dev.funnel.web.Problems;
import dev.funnel.web.csv.CsvRequests;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;

/**
 * RFC 9457 problem details for what Bean Validation cannot see: references to missing things and
 * reused ids, in the shape of every other problem of the platform ({@link Problems}), so a client reads
 * every 400 the same way.
 */
final class ActivityProblems {

    private static final int UNPROCESSABLE_CONTENT = 422;

    private ActivityProblems() {
    }

    /** One activity: an unknown technique is 422 (well-formed, but refers to nothing), a reused id 409. */
    static HttpProblem single(RejectedActivitiesException rejected) {
        Rejection rejection = rejected.rejections().get(0);
        boolean conflict = rejection.reason() == Reason.ID_CONFLICT;
        HttpProblem.Builder problem = conflict ? Problems.of(Status.CONFLICT, rejection.message())
                : Problems.of(UNPROCESSABLE_CONTENT, "Unprocessable Content", rejection.message());
        return problem
                .with("violations", List.of(Problems.violation(rejection.field(), "body", rejection.message())))
                .build();
    }

    /** A batch: each rejected item named by its index; 409 only when every rejection is a reused id. */
    static HttpProblem batch(RejectedActivitiesException rejected) {
        Status status = rejected.onlyConflicts() ? Status.CONFLICT : Status.BAD_REQUEST;
        String detail = rejected.rejections().size() + " of the activities were rejected; nothing was stored";
        return Problems.of(status, detail)
                .with("violations", rejected.rejections().stream()
                        .map(r -> Problems.violation("activities[" + r.index() + "]." + r.field(), "body",
                                r.message()))
                        .toList())
                .build();
    }

    /** A sheet: each rejected row named by its row (the header is row 1) and column, as a spreadsheet shows it. */
    static HttpProblem sheet(RejectedActivitiesException rejected) {
        return CsvRequests.refused(rejected.rejections().stream()
                .map(r -> CsvRequests.rowProblem(r.index() + 2, r.field(), r.message()))
                .toList());
    }
}

package dev.funnel.objection.api;

import dev.funnel.objection.domain.ObjectionAlreadyResolvedException;
import dev.funnel.objection.domain.ObjectionIdConflictException;
import dev.funnel.objection.domain.ObjectionNotFoundException;
import dev.funnel.objection.domain.ProspectClosedException;
import dev.funnel.objection.domain.ResolvedBeforeRaisedException;
import dev.funnel.objection.domain.UnknownProspectException;
import dev.funnel.web.Problems;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Domain refusals as RFC 9457 problem details; the domain itself knows nothing of HTTP. Where a refusal is
 * about one field of the request, {@code violations} names it, as in every 400.
 */
class DomainExceptionMappers {

    private static final int UNPROCESSABLE_CONTENT = 422;
    /** Replication normally takes well under a second; a client waiting this long will usually succeed. */
    private static final int RETRY_AFTER_SECONDS = 2;

    @ServerExceptionMapper
    Response unknownProspect(UnknownProspectException e) {
        return Problems.of(UNPROCESSABLE_CONTENT, "Unprocessable Content", e.getMessage())
                .withHeader("Retry-After", RETRY_AFTER_SECONDS)
                .with("violations", violation("prospectId", "is not known (yet) to this service"))
                .build()
                .toResponse();
    }

    @ServerExceptionMapper
    Response prospectClosed(ProspectClosedException e) {
        return Problems.of(Status.CONFLICT, e.getMessage())
                .with("stage", e.stage().name())
                .with("violations", violation("prospectId", "is " + e.stage() + ", not open"))
                .build()
                .toResponse();
    }

    @ServerExceptionMapper
    Response idConflict(ObjectionIdConflictException e) {
        return Problems.of(Status.CONFLICT, e.getMessage())
                .with("violations", violation("id", "holds a different objection"))
                .build()
                .toResponse();
    }

    @ServerExceptionMapper
    Response alreadyResolved(ObjectionAlreadyResolvedException e) {
        return Problems.of(Status.CONFLICT, e.getMessage()).build().toResponse();
    }

    @ServerExceptionMapper
    Response resolvedBeforeRaised(ResolvedBeforeRaisedException e) {
        return Problems.invalid("resolvedAt", "body", "must not be before the objection's raisedAt", e.getMessage())
                .toResponse();
    }

    @ServerExceptionMapper
    Response objectionNotFound(ObjectionNotFoundException e) {
        return Problems.of(Status.NOT_FOUND, e.getMessage()).build().toResponse();
    }

    private static List<Map<String, String>> violation(String field, String message) {
        return List.of(Problems.violation(field, "body", message));
    }
}

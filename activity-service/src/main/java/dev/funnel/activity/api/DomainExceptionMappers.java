package dev.funnel.activity.api;

import dev.funnel.activity.domain.ActivityNotFoundException;
import dev.funnel.activity.domain.TechniqueAlreadyExistsException;
import dev.funnel.activity.domain.TechniqueChangedConcurrentlyException;
import dev.funnel.activity.domain.TechniqueNotFoundException;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Domain refusals as RFC 9457 problem details; the domain itself knows nothing of HTTP. */
class DomainExceptionMappers {

    @ServerExceptionMapper
    Response alreadyExists(TechniqueAlreadyExistsException e) {
        return problem(Status.CONFLICT, e.getMessage()).with("slug", e.slug()).build().toResponse();
    }

    @ServerExceptionMapper
    Response changedConcurrently(TechniqueChangedConcurrentlyException e) {
        return problem(Status.CONFLICT, e.getMessage()).with("slug", e.slug()).build().toResponse();
    }

    @ServerExceptionMapper
    Response techniqueNotFound(TechniqueNotFoundException e) {
        return problem(Status.NOT_FOUND, e.getMessage()).with("slug", e.slug()).build().toResponse();
    }

    @ServerExceptionMapper
    Response activityNotFound(ActivityNotFoundException e) {
        return problem(Status.NOT_FOUND, e.getMessage()).build().toResponse();
    }

    private static HttpProblem.Builder problem(Status status, String detail) {
        return HttpProblem.builder().withStatus(status).withTitle(status.getReasonPhrase()).withDetail(detail);
    }
}

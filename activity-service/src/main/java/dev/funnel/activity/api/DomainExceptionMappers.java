package dev.funnel.activity.api;

import dev.funnel.activity.domain.ActivityNotFoundException;
import dev.funnel.activity.domain.TechniqueAlreadyExistsException;
import dev.funnel.activity.domain.TechniqueChangedConcurrentlyException;
import dev.funnel.activity.domain.TechniqueNotFoundException;
import dev.funnel.web.Problems;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Domain refusals as RFC 9457 problem details; the domain itself knows nothing of HTTP. */
class DomainExceptionMappers {

    @ServerExceptionMapper
    Response alreadyExists(TechniqueAlreadyExistsException e) {
        return Problems.of(Status.CONFLICT, e.getMessage()).with("slug", e.slug()).build().toResponse();
    }

    @ServerExceptionMapper
    Response changedConcurrently(TechniqueChangedConcurrentlyException e) {
        return Problems.of(Status.CONFLICT, e.getMessage()).with("slug", e.slug()).build().toResponse();
    }

    @ServerExceptionMapper
    Response techniqueNotFound(TechniqueNotFoundException e) {
        return Problems.of(Status.NOT_FOUND, e.getMessage()).with("slug", e.slug()).build().toResponse();
    }

    @ServerExceptionMapper
    Response activityNotFound(ActivityNotFoundException e) {
        return Problems.of(Status.NOT_FOUND, e.getMessage()).build().toResponse();
    }
}

package dev.funnel.analytics.api;

import dev.funnel.analytics.messaging.RebuildAlreadyRunningException;
import dev.funnel.web.Problems;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Refusals of the projection as RFC 9457 problem details; the projection itself knows nothing of HTTP. */
class DomainExceptionMappers {

    @ServerExceptionMapper
    Response rebuildRunning(RebuildAlreadyRunningException e) {
        return Problems.of(Status.CONFLICT, e.getMessage() + "; follow it at /admin/projection").build().toResponse();
    }
}

package dev.funnel.prospect.api;

import dev.funnel.prospect.domain.ConcurrentChangeException;
import dev.funnel.prospect.domain.IllegalTransitionException;
import dev.funnel.prospect.domain.InvalidStepTimeException;
import dev.funnel.prospect.domain.ProspectIdConflictException;
import dev.funnel.prospect.domain.ProspectNotFoundException;
import dev.funnel.web.Problems;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Domain refusals as RFC 9457 problem details; the domain itself knows nothing of HTTP. */
class DomainExceptionMappers {

    @ServerExceptionMapper
    Response illegalTransition(IllegalTransitionException e) {
        return Problems.of(Status.CONFLICT, e.getMessage()).with("stage", e.current().name()).build().toResponse();
    }

    @ServerExceptionMapper
    Response invalidStepTime(InvalidStepTimeException e) {
        return Problems.invalid(e.field(), "body", e.getMessage(), e.field() + " " + e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    Response idConflict(ProspectIdConflictException e) {
        return Problems.of(Status.CONFLICT, e.getMessage()).build().toResponse();
    }

    @ServerExceptionMapper
    Response concurrentChange(ConcurrentChangeException e) {
        return Problems.of(Status.CONFLICT, e.getMessage()).build().toResponse();
    }

    @ServerExceptionMapper
    Response notFound(ProspectNotFoundException e) {
        return Problems.of(Status.NOT_FOUND, e.getMessage()).build().toResponse();
    }
}

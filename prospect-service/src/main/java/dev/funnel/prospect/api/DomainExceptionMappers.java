package dev.funnel.prospect.api;

import dev.funnel.prospect.domain.ConcurrentChangeException;
import dev.funnel.prospect.domain.IllegalTransitionException;
import dev.funnel.prospect.domain.InvalidStepTimeException;
import dev.funnel.prospect.domain.ProspectIdConflictException;
import dev.funnel.prospect.domain.ProspectNotFoundException;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Domain refusals as RFC 9457 problem details; the domain itself knows nothing of HTTP. */
class DomainExceptionMappers {

    @ServerExceptionMapper
    Response illegalTransition(IllegalTransitionException e) {
        return problem(Status.CONFLICT, e.getMessage()).with("stage", e.current().name()).build().toResponse();
    }

    @ServerExceptionMapper
    Response invalidStepTime(InvalidStepTimeException e) {
        return problem(Status.BAD_REQUEST, null)
                .with("violations", List.of(Map.of("field", e.field(), "in", "body", "message", e.getMessage())))
                .build().toResponse();
    }

    @ServerExceptionMapper
    Response idConflict(ProspectIdConflictException e) {
        return problem(Status.CONFLICT, e.getMessage()).build().toResponse();
    }

    @ServerExceptionMapper
    Response concurrentChange(ConcurrentChangeException e) {
        return problem(Status.CONFLICT, e.getMessage()).build().toResponse();
    }

    @ServerExceptionMapper
    Response notFound(ProspectNotFoundException e) {
        return problem(Status.NOT_FOUND, e.getMessage()).build().toResponse();
    }

    private static HttpProblem.Builder problem(Status status, String detail) {
        return HttpProblem.builder().withStatus(status).withTitle(status.getReasonPhrase()).withDetail(detail);
    }
}

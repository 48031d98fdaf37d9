package dev.funnel.prospect.api;

import dev.funnel.prospect.service.OtherOwnerRefusedException;
import dev.funnel.prospect.service.OwnerMissingException;
import dev.funnel.web.Problems;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Refusals that depend on whose prospects the caller works with. Another seller's prospect by id is no refusal
 * here: it is the 404 of an unknown id ({@code ProspectNotFoundException}), so that its existence is not told.
 */
class OwnershipProblemMappers {

    @ServerExceptionMapper
    Response otherOwner(OtherOwnerRefusedException e) {
        return Problems.of(Status.FORBIDDEN, e.getMessage()).build().toResponse();
    }

    @ServerExceptionMapper
    Response ownerMissing(OwnerMissingException e) {
        return Problems.invalid("owner", "body", "must not be null", e.getMessage()).toResponse();
    }
}

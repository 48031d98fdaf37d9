package dev.funnel.audit;

import dev.funnel.audit.AuditTrail.Filter;
import dev.funnel.audit.AuditTrail.Page;
import dev.funnel.web.QueryParameters;
import dev.funnel.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The service's audit trail, for admins: who did what to which id and when, newest first. */
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class AuditResource {

    /** Keeps page * size within what an SQL offset takes. */
    private static final int MAX_PAGE = 1_000_000;
    private static final int MAX_PAGE_SIZE = 500;
    private static final int DEFAULT_PAGE_SIZE = 50;

    private final AuditTrail trail;

    AuditResource(AuditTrail trail) {
        this.trail = trail;
    }

    @GET
    public Page read(
            @QueryParam("actor") String actor,
            @QueryParam("action") String action,
            @QueryParam("subjectType") String subjectType,
            @QueryParam("subjectId") String subjectId,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        QueryParameters parameters = new QueryParameters();
        Filter filter = new Filter(
                parameters.text("actor", actor),
                parameters.text("action", action),
                parameters.text("subjectType", subjectType),
                parameters.text("subjectId", subjectId),
                parameters.date("from", from),
                parameters.date("to", to));
        int pageNumber = parameters.integer("page", page, 0, 0, MAX_PAGE);
        int pageSize = parameters.integer("size", size, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
        if (filter.from().isPresent() && filter.to().isPresent() && filter.to().get().isBefore(filter.from().get())) {
            parameters.invalid("to", "must not be before from");
        }
        parameters.throwIfInvalid();
        return trail.read(filter, pageNumber, pageSize);
    }
}

package dev.funnel.analytics.api;

import dev.funnel.analytics.api.ProjectionResponse.RebuildResponse;
import dev.funnel.analytics.messaging.ProjectionLag;
import dev.funnel.analytics.messaging.ProjectionRebuild;
import dev.funnel.analytics.projection.ProjectionStatusQueries;
import dev.funnel.web.Problems;
import dev.funnel.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The projection as an operator sees it, and the rebuild: for admins only, since a rebuild empties every figure. */
@Path("/admin/projection")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class AdminResource {

    private static final int MAX_SHOWN_NAME = 60;

    private final ProjectionStatusQueries status;
    private final ProjectionLag lag;
    private final ProjectionRebuild rebuild;

    AdminResource(ProjectionStatusQueries status, ProjectionLag lag, ProjectionRebuild rebuild) {
        this.status = status;
        this.lag = lag;
        this.rebuild = rebuild;
    }

    /** Events applied, duplicates skipped, dead letters, the last event time, the lag and the latest rebuild. */
    @GET
    public ProjectionResponse projection() {
        return ProjectionResponse.of(status.read(), lag.byTopic());
    }

    /**
     * Empties the read model and replays every topic from offset 0 in the background while live consumption goes
     * on: 202 with the rebuild, to be followed at {@code GET /admin/projection}; 409 while one is running. It takes
     * no options: a body or a query parameter is refused with a 400, since ignoring one would start a full rebuild
     * that the client may have meant to narrow. A rebuild that started is in the audit trail
     * ({@code projection.rebuild-started}).
     */
    @POST
    @Path("rebuild")
    public Response rebuild(@Context UriInfo uri, @Context HttpHeaders headers) {
        refuseOptions(uri, headers);
        RebuildResponse started = RebuildResponse.of(rebuild.startAsked());
        return Response.accepted(started)
                .location(uri.getBaseUriBuilder().path(AdminResource.class).build())
                .build();
    }

    // Told from the headers rather than by reading the body, so the OpenAPI document shows no request body.
    private static void refuseOptions(UriInfo uri, HttpHeaders headers) {
        List<Map<String, String>> violations = new ArrayList<>();
        for (String parameter : uri.getQueryParameters().keySet()) {
            String name = parameter.length() > MAX_SHOWN_NAME ? parameter.substring(0, MAX_SHOWN_NAME) + "..."
                    : parameter;
            violations.add(Problems.violation(name, "query", "is not a parameter: a rebuild takes no options"));
        }
        if (headers.getLength() > 0 || headers.getHeaderString("Transfer-Encoding") != null) {
            violations.add(Problems.violation("body", "body", "must be empty: a rebuild takes no options"));
        }
        if (!violations.isEmpty()) {
            throw Problems.of(Status.BAD_REQUEST,
                            "A rebuild always replays every topic and takes no options; nothing was started")
                    .with("violations", violations)
                    .build();
        }
    }
}

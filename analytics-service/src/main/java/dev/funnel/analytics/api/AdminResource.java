package dev.funnel.analytics.api;

import dev.funnel.analytics.api.ProjectionResponse.RebuildResponse;
import dev.funnel.analytics.messaging.ProjectionLag;
import dev.funnel.analytics.messaging.ProjectionRebuild;
import dev.funnel.analytics.projection.ProjectionStatusQueries;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The projection as an operator sees it, and the rebuild. */
@Path("/admin/projection")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

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
     * on: 202 with the rebuild, to be followed at {@code GET /admin/projection}; 409 while one is running.
     */
    @POST
    @Path("rebuild")
    public Response rebuild(@Context UriInfo uri) {
        RebuildResponse started = RebuildResponse.of(rebuild.start(0));
        return Response.accepted(started)
                .location(uri.getBaseUriBuilder().path(AdminResource.class).build())
                .build();
    }
}

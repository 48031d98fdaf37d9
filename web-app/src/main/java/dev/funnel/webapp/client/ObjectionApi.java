package dev.funnel.webapp.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** objection-service's REST API (its README lists every endpoint), as the signed-in person. */
@RegisterRestClient(configKey = "objection")
@RegisterProvider(PersonsAccessToken.class)
@RegisterProvider(ProblemResponseMapper.class)
@Path("/objections")
public interface ObjectionApi {

    /** The categories an objection may have, in the order people think of them. */
    List<String> CATEGORIES = List.of("PRICE", "TIMING", "NEED", "TRUST", "AUTHORITY", "COMPETITOR", "OTHER");

    /** One bridge of the playbook: how often it resolved an objection, and how many of those prospects were won. */
    record Bridge(String bridge, long timesUsed, long prospectsWon, Instant lastUsedAt) {
    }

    record Playbook(String category, List<Bridge> bridges) {
    }

    @GET
    @Path("/playbook")
    Playbook playbook(@QueryParam("category") String category, @QueryParam("limit") Integer limit);

    /** An objection to record; the id is chosen here, so a retry (the replica catching up) records it once. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NewObjection(UUID id, UUID prospectId, String category, String statement) {
    }

    record Resolution(String bridge) {
    }

    /** One objection with what the prospect said and, once resolved, the bridge ({@code null} while open). */
    record Objection(UUID id, UUID prospectId, String category, String statement, Instant raisedAt, String status,
            String bridge, Instant resolvedAt) {

        public boolean open() {
            return "OPEN".equals(status);
        }
    }

    record ObjectionPage(List<Objection> items, int page, int size, long total) {
    }

    /**
     * 201 for a new objection, 200 when this id was recorded before with the same content; 422 with
     * {@code Retry-After} while the prospect is not known to objection-service (yet), 409 once it is won or lost.
     */
    @POST
    Objection raise(NewObjection objection);

    /** 200; 409 when it was resolved already (the first bridge stays). */
    @POST
    @Path("/{id}/resolve")
    Objection resolve(@PathParam("id") UUID id, Resolution resolution);

    /** Newest first; a seller gets only objections on their own prospects. */
    @GET
    ObjectionPage objections(@QueryParam("prospectId") UUID prospectId, @QueryParam("page") int page,
            @QueryParam("size") int size);
}

package dev.funnel.webapp.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.List;
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
}

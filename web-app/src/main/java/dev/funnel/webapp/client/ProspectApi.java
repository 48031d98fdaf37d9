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

/**
 * prospect-service's REST API (its README lists every endpoint), as the signed-in person: a seller reaches only
 * their own prospects (another seller's is a 404, as an unknown one), a manager everyone's.
 */
@RegisterRestClient(configKey = "prospect")
@RegisterProvider(PersonsAccessToken.class)
@RegisterProvider(ProblemResponseMapper.class)
@Path("/prospects")
public interface ProspectApi {

    /** The largest page {@code GET /prospects} serves. */
    int MAX_PAGE_SIZE = 500;

    /** The stages in the order a prospect goes through them; WON and LOST are final. */
    List<String> STAGES = List.of("FOUND", "CONTACTED", "WON", "LOST");

    /** Where a prospect came from: farmed by a marketing technique, or hunted by a seller. */
    List<String> SOURCES = List.of("SALES", "MARKETING");

    /** Why a prospect was lost: an objection category, or one of the two reasons no objection expresses. */
    List<String> LOST_REASONS = List.of("PRICE", "TIMING", "NEED", "TRUST", "AUTHORITY", "COMPETITOR", "OTHER",
            "NO_DECISION", "NO_RESPONSE");

    /**
     * A prospect to register. Absent members are left out rather than sent as null or "": the service refuses a
     * blank company, e-mail or phone, and a seller's prospect without an owner is the seller's own.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NewProspect(UUID id, String displayName, String company, String email, String phone, String source,
            String technique, String owner, Long estimatedValueMinor, String currency) {
    }

    /** A prospect as the service answers it; name, company, e-mail and phone are null once erased. */
    record Prospect(UUID id, String displayName, String company, String email, String phone,
            Instant personalDataErasedAt, String source, String technique, String owner, long estimatedValueMinor,
            String currency, String stage, Instant foundAt, Instant contactedAt, String contactedBy, Instant wonAt,
            Long wonValueMinor, String wonCurrency, Instant lostAt, String lostReason) {

        public boolean open() {
            return "FOUND".equals(stage) || "CONTACTED".equals(stage);
        }
    }

    record ProspectPage(List<Prospect> items, int page, int size, long total) {
    }

    record Contact(String by) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Win(Long valueMinor, String currency) {
    }

    record Loss(String reason) {
    }

    /** 201 for a new prospect, 200 when this id was registered before with the same content: both answer it. */
    @POST
    Prospect register(NewProspect prospect);

    @GET
    @Path("{id}")
    Prospect prospect(@PathParam("id") UUID id);

    /** Newest first (by foundAt); a seller's list holds only their own, whatever is asked. */
    @GET
    ProspectPage prospects(@QueryParam("stage") String stage, @QueryParam("page") int page,
            @QueryParam("size") int size);

    @POST
    @Path("{id}/contact")
    Prospect contact(@PathParam("id") UUID id, Contact contact);

    @POST
    @Path("{id}/win")
    Prospect win(@PathParam("id") UUID id, Win win);

    @POST
    @Path("{id}/lose")
    Prospect lose(@PathParam("id") UUID id, Loss loss);
}

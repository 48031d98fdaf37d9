package dev.funnel.webapp.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** activity-service's REST API (its README lists every endpoint), as the signed-in person. */
@RegisterRestClient(configKey = "activity")
@RegisterProvider(PersonsAccessToken.class)
@RegisterProvider(ProblemResponseMapper.class)
@Path("/")
public interface ActivityApi {

    /** The largest page {@code GET /activities} serves. */
    int MAX_PAGE_SIZE = 500;

    record Technique(String slug, String name, Cadence cadence, Instant definedAt, Instant updatedAt) {
    }

    /**
     * One piece of work to log. Absent members are left out of the body rather than sent as null, so the service
     * applies its own defaults (no cost, its currency) exactly as its README says.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NewActivity(UUID id, String technique, LocalDate performedOn, Integer minutesSpent, Long costMinor,
            String currency, String notes) {
    }

    record Activity(UUID id, String technique, LocalDate performedOn, int minutesSpent, long costMinor,
            String currency, String notes, Instant loggedAt) {
    }

    record ActivityPage(List<Activity> items, int page, int size, long total) {
    }

    @GET
    @Path("techniques")
    List<Technique> techniques();

    /** 201 for a new activity, 200 when this id was stored before with the same content: both answer it. */
    @POST
    @Path("activities")
    Activity log(NewActivity activity);

    @GET
    @Path("activities/{id}")
    Activity activity(@PathParam("id") UUID id);

    /** Newest first; {@code from} and {@code to} are inclusive days (YYYY-MM-DD). */
    @GET
    @Path("activities")
    ActivityPage activities(@QueryParam("technique") String technique, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("page") int page, @QueryParam("size") int size);
}

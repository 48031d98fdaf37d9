package dev.funnel.web;

import dev.funnel.events.Cadence;
import dev.funnel.events.ContractFormats;
import dev.funnel.web.csv.CsvRequests;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A stand-in for a service's resource: a body with the platform's constraints, and query parameters. */
@Path("/echo")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EchoResource {

    private final Validator validator;

    EchoResource(Validator validator) {
        this.validator = validator;
    }

    public record Thing(
            UUID id,
            @StorableText String name,
            @CurrencyCode String currency,
            @Pattern(regexp = ContractFormats.TECHNIQUE_SLUG, message = ContractFormats.TECHNIQUE_SLUG_RULE)
            String technique,
            Cadence cadence,
            Integer minutes,
            Instant at) {
    }

    @POST
    public Thing echo(@Valid @NotNull Thing thing) {
        return thing;
    }

    /** A sheet of things, read as a service reads one. */
    @POST
    @Path("sheet")
    @Consumes(CsvRequests.TEXT_CSV)
    public List<Thing> sheet(String body) {
        return CsvRequests.read(body, Thing.class, 100, validator);
    }

    /** Fails the way a service fails when its database is away, or for a reason of its own. */
    @POST
    @Path("failure")
    public void fail(@QueryParam("sqlState") String sqlState) {
        if (sqlState == null) {
            throw new IllegalStateException("a bug");
        }
        throw new IllegalStateException("Could not read", new SQLException("I/O error", sqlState));
    }

    @GET
    public Map<String, Object> query(@QueryParam("id") String id, @QueryParam("technique") String technique,
            @QueryParam("cadence") String cadence, @QueryParam("from") String from, @QueryParam("size") String size) {
        QueryParameters parameters = new QueryParameters();
        UUID idValue = parameters.uuid("id", id).orElse(null);
        String techniqueValue = parameters.techniqueSlug("technique", technique).orElse(null);
        Cadence cadenceValue = parameters.constant("cadence", cadence, Cadence.class).orElse(null);
        LocalDate fromValue = parameters.date("from", from).orElse(null);
        int sizeValue = parameters.integer("size", size, 50, 1, 500);
        parameters.throwIfInvalid();
        return Map.of("id", String.valueOf(idValue), "technique", String.valueOf(techniqueValue),
                "cadence", String.valueOf(cadenceValue), "from", String.valueOf(fromValue), "size", sizeValue);
    }
}

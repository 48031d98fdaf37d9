package dev.funnel.web.schemas;

import dev.funnel.events.EventType;
import dev.funnel.web.Problems;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Serves the event schemas of the contract jar at {@code GET /schemas/<EventName>.v1.json}, the location the outbox
 * sends as each record's {@code ce_dataschema}, so the header resolves wherever the service does. Public: the
 * contract is published for other teams, and a schema says nothing about anyone's data.
 *
 * <p>Here rather than in the {@code events} jar, which stays free of JAX-RS and Quarkus for its other readers; every
 * service built on this library serves the same files, byte for byte those of the jar it reads and writes with.
 */
@Path("/schemas")
@PermitAll
public class EventSchemaResource {

    /** JSON Schema's media type (draft 2020-12, section 12.1). */
    public static final String SCHEMA_JSON = "application/schema+json";

    /** The files change only with a release of the service (and then only by new optional fields). */
    private static final CacheControl AN_HOUR;

    static {
        AN_HOUR = new CacheControl();
        AN_HOUR.setMaxAge(3600);
    }

    private static final Map<String, byte[]> SCHEMAS = Arrays.stream(EventType.values())
            .collect(Collectors.toUnmodifiableMap(EventType::schemaFileName, EventSchemaResource::read));

    /** @return the file names served, one per event type, so a reader can find the rest */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, List<String>> index() {
        return Map.of("schemas", Arrays.stream(EventType.values()).map(EventType::schemaFileName).sorted().toList());
    }

    /**
     * @param file a schema file name, for example {@code ProspectFound.v1.json}
     * @return the schema as the events jar ships it
     * @throws io.quarkiverse.resteasy.problem.HttpProblem 404 naming the file, if no schema is called so
     */
    @GET
    @Path("/{file}")
    @Produces(SCHEMA_JSON)
    public Response schema(@PathParam("file") String file) {
        byte[] schema = SCHEMAS.get(file);
        if (schema == null) {
            throw Problems.of(Status.NOT_FOUND, "No event schema is called '" + file + "'; GET /schemas lists them")
                    .build();
        }
        return Response.ok(schema, SCHEMA_JSON).cacheControl(AN_HOUR).build();
    }

    private static byte[] read(EventType type) {
        try (InputStream in = EventType.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
            if (in == null) {
                throw new IllegalStateException("The events jar lacks " + type.schemaResource());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

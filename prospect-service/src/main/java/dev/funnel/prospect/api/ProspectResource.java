package dev.funnel.prospect.api;

import dev.funnel.events.CanonicalUuid;
import dev.funnel.events.ProspectSource;
import dev.funnel.prospect.ProspectConfig;
import dev.funnel.prospect.domain.ContactDetails;
import dev.funnel.prospect.domain.ProspectDraft;
import dev.funnel.prospect.domain.ProspectNotFoundException;
import dev.funnel.prospect.domain.Stage;
import dev.funnel.prospect.service.Prospects;
import dev.funnel.prospect.service.Prospects.NewProspect;
import dev.funnel.prospect.service.Prospects.ProspectFilter;
import dev.funnel.prospect.service.Prospects.ProspectPage;
import dev.funnel.prospect.service.Prospects.Registration;
import dev.funnel.prospect.service.RejectedProspectsException;
import dev.funnel.web.Problems;
import dev.funnel.web.QueryParameters;
import dev.funnel.web.csv.CsvRequests;
import dev.funnel.web.csv.CsvTables;
import dev.funnel.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Prospects, farmed or hunted, and the steps of their path to customer. Sellers and managers work with them; a
 * seller only with their own, which {@link Prospects} sees to. Erasure is an admin's.
 */
@Path("/prospects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProspectResource {

    /** Keeps page * size within what an SQL offset takes. */
    private static final int MAX_PAGE = 1_000_000;
    private static final int MAX_PAGE_SIZE = 500;
    private static final int DEFAULT_PAGE_SIZE = 50;
    /** How much of a malformed id is quoted back. */
    private static final int SHOWN_ID_LENGTH = 40;

    /** As many rows as a sheet takes in, and the most a sheet gives out. */
    private static final int MAX_SHEET_ROWS = 1_000;
    private static final int MAX_SHEET_EXPORT = 10_000;

    private final Prospects prospects;
    private final ProspectConfig config;
    private final Validator validator;

    ProspectResource(Prospects prospects, ProspectConfig config, Validator validator) {
        this.prospects = prospects;
        this.config = config;
        this.validator = validator;
    }

    /**
     * Registers a prospect and publishes ProspectFound: 201; 200 when this id was registered before with
     * the same content (nothing published again); 409 when the id holds a different prospect.
     */
    @POST
    @RolesAllowed({Roles.SELLER, Roles.MANAGER})
    public Response register(@Valid @NotNull RegisterProspectRequest request, @Context UriInfo uri) {
        Registration registration = prospects.register(Optional.ofNullable(request.id()), toDraft(request));
        ProspectResponse body = ProspectResponse.of(registration.prospect());
        if (!registration.created()) {
            return Response.ok(body).build();
        }
        return Response.created(uri.getAbsolutePathBuilder().path(body.id().toString()).build())
                .entity(body)
                .build();
    }

    /**
     * A spreadsheet of up to 1,000 prospects ({@code text/csv}, a header row naming the JSON fields), registered
     * together or not at all, each as {@code POST /prospects} with JSON would be. Any refusal names its row and
     * column (400).
     */
    @POST
    @Consumes(CsvRequests.TEXT_CSV)
    @RolesAllowed({Roles.SELLER, Roles.MANAGER})
    public Response registerSheet(String sheet) {
        List<RegisterProspectRequest> rows = CsvRequests.read(sheet, RegisterProspectRequest.class, MAX_SHEET_ROWS,
                validator);
        List<Registration> registrations;
        try {
            registrations = prospects.registerAll(rows.stream()
                    .map(row -> new NewProspect(Optional.ofNullable(row.id()), toDraft(row)))
                    .toList());
        } catch (RejectedProspectsException rejected) {
            throw CsvRequests.refused(rejected.rejections().stream()
                    .map(r -> CsvRequests.rowProblem(r.index() + 2, r.field(), r.message()))
                    .toList());
        }
        int created = (int) registrations.stream().filter(Registration::created).count();
        ProspectSheetResponse body = new ProspectSheetResponse(created, registrations.size() - created,
                registrations.stream().map(r -> ProspectResponse.of(r.prospect())).toList());
        return Response.status(created > 0 ? Status.CREATED : Status.OK).entity(body).build();
    }

    /** FOUND -> CONTACTED; publishes ProspectContacted. 409 naming the current stage otherwise. */
    @POST
    @Path("{id}/contact")
    @RolesAllowed({Roles.SELLER, Roles.MANAGER})
    public ProspectResponse contact(@PathParam("id") String id, @Valid @NotNull ContactRequest request) {
        return ProspectResponse.of(prospects.contact(prospectId(id), request.by(),
                Optional.ofNullable(request.at())));
    }

    /** FOUND or CONTACTED -> WON; publishes ProspectWon. WON and LOST are final. */
    @POST
    @Path("{id}/win")
    @RolesAllowed({Roles.SELLER, Roles.MANAGER})
    public ProspectResponse win(@PathParam("id") String id, @Valid @NotNull WinRequest request) {
        return ProspectResponse.of(prospects.win(prospectId(id), request.valueMinor(),
                Optional.ofNullable(request.currency()), Optional.ofNullable(request.at())));
    }

    /** FOUND or CONTACTED -> LOST; publishes ProspectLost. */
    @POST
    @Path("{id}/lose")
    @RolesAllowed({Roles.SELLER, Roles.MANAGER})
    public ProspectResponse lose(@PathParam("id") String id, @Valid @NotNull LoseRequest request) {
        return ProspectResponse.of(prospects.lose(prospectId(id), request.reason(),
                Optional.ofNullable(request.at())));
    }

    /** Right to erasure: name, company, e-mail and phone go; the anonymous facts stay. Publishes nothing. */
    @DELETE
    @Path("{id}/personal-data")
    @RolesAllowed(Roles.ADMIN)
    public ProspectResponse erasePersonalData(@PathParam("id") String id) {
        return ProspectResponse.of(prospects.erasePersonalData(prospectId(id)));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.SELLER, Roles.MANAGER})
    public ProspectResponse get(@PathParam("id") String id) {
        return ProspectResponse.of(prospects.get(prospectId(id)));
    }

    /** Prospects newest first, by when they were found. */
    @GET
    @RolesAllowed({Roles.SELLER, Roles.MANAGER})
    public ProspectPageResponse list(
            @QueryParam("stage") String stage,
            @QueryParam("source") String source,
            @QueryParam("owner") String owner,
            @QueryParam("technique") String technique,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        // Every parameter is read before any is refused, so that one 400 names all the bad ones.
        QueryParameters parameters = new QueryParameters();
        ProspectFilter filter = filter(parameters, stage, source, owner, technique);
        int pageNumber = parameters.integer("page", page, 0, 0, MAX_PAGE);
        int pageSize = parameters.integer("size", size, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
        parameters.throwIfInvalid();
        ProspectPage found = prospects.list(filter, pageNumber, pageSize);
        return new ProspectPageResponse(found.items().stream().map(ProspectResponse::of).toList(),
                found.page(), found.size(), found.total());
    }

    /**
     * Every prospect the filters match, newest first, as a spreadsheet ({@code Accept: text/csv}): one column per
     * field of the JSON, up to {@value #MAX_SHEET_EXPORT} rows (more is a 400 asking for narrower filters, since a
     * sheet has no pages).
     */
    @GET
    @Produces(CsvRequests.TEXT_CSV)
    @RolesAllowed({Roles.SELLER, Roles.MANAGER})
    public Response listSheet(
            @QueryParam("stage") String stage,
            @QueryParam("source") String source,
            @QueryParam("owner") String owner,
            @QueryParam("technique") String technique) {
        QueryParameters parameters = new QueryParameters();
        ProspectFilter filter = filter(parameters, stage, source, owner, technique);
        parameters.throwIfInvalid();
        ProspectPage found = prospects.list(filter, 0, MAX_SHEET_EXPORT);
        if (found.total() > MAX_SHEET_EXPORT) {
            throw Problems.invalid("stage", "query", "match " + found.total() + " prospects, more than a sheet of "
                    + MAX_SHEET_EXPORT + ": narrow the filters (stage, source, owner, technique)",
                    "Too many prospects for one sheet");
        }
        return Response.ok(CsvTables.ofRecords(ProspectResponse.class,
                        found.items().stream().map(ProspectResponse::of).toList()))
                .header("Content-Disposition", "attachment; filename=\"prospects.csv\"")
                .build();
    }

    private static ProspectFilter filter(QueryParameters parameters, String stage, String source, String owner,
            String technique) {
        return new ProspectFilter(
                parameters.constant("stage", stage, Stage.class),
                parameters.constant("source", source, ProspectSource.class),
                parameters.owner("owner", owner),
                parameters.techniqueSlug("technique", technique));
    }

    /**
     * The prospect an id in a path names. One that is no UUID in its canonical form names none: a 404 problem like
     * an unknown id, rather than JAX-RS's failed conversion, and a shortened form ({@code 1-1-1-1-1}) is no second
     * name of a prospect.
     */
    private static UUID prospectId(String id) {
        return CanonicalUuid.parse(id).orElseThrow(() -> new ProspectNotFoundException(
                id.length() > SHOWN_ID_LENGTH ? id.substring(0, SHOWN_ID_LENGTH) + "..." : id));
    }

    private ProspectDraft toDraft(RegisterProspectRequest request) {
        return new ProspectDraft(
                new ContactDetails(request.displayName(), request.company(), request.email(), request.phone()),
                request.source(),
                request.technique(),
                request.owner(),
                request.estimatedValueMinor() == null ? 0 : request.estimatedValueMinor(),
                request.currency() == null ? config.defaultCurrency() : request.currency(),
                request.foundAt());
    }
}

package dev.funnel.objection.api;

import dev.funnel.events.CanonicalUuid;
import dev.funnel.events.ObjectionCategory;
import dev.funnel.objection.domain.ObjectionDraft;
import dev.funnel.objection.domain.ObjectionNotFoundException;
import dev.funnel.objection.domain.ObjectionStatus;
import dev.funnel.objection.service.Objections;
import dev.funnel.objection.service.Objections.ObjectionPage;
import dev.funnel.objection.service.Objections.RaisedObjection;
import dev.funnel.objection.service.Playbook;
import dev.funnel.web.QueryParameters;
import dev.funnel.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * Objections: a prospect telling sales exactly where the gap is, and the bridge built there. Over time the
 * resolved ones become the playbook of bridges that worked.
 *
 * <p>Sellers work on the objections of the prospects they own and managers on all ({@link Objections} keeps a
 * seller to their own); the playbook holds no prospect and is the whole team's, analysts included.
 */
@Path("/objections")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ObjectionResource {

    private static final int MAX_PAGE_SIZE = 500;
    /** Keeps page * size within what an SQL offset takes. */
    private static final int MAX_PAGE = 1_000_000;

    private final Objections objections;
    private final Playbook playbook;

    ObjectionResource(Objections objections, Playbook playbook) {
        this.objections = objections;
        this.playbook = playbook;
    }

    /**
     * Records an objection of an open prospect: 201 when recorded, 200 when the same id and content were
     * recorded before (nothing is published again), 409 when the id holds another objection or the prospect
     * was won or lost, 422 when the prospect is not known here (yet) or, for a seller, is not theirs. Publishes
     * ObjectionRaised.
     */
    @POST
    @RolesAllowed({Roles.SELLER, Roles.MANAGER})
    public Response raise(@Valid @NotNull RaiseObjectionRequest request, @Context UriInfo uri) {
        RaisedObjection raised = objections.raise(Optional.ofNullable(request.id()), new ObjectionDraft(
                request.prospectId(), request.category(), request.statement(),
                Optional.ofNullable(request.raisedAt())));
        ObjectionResponse body = ObjectionResponse.of(raised.objection());
        if (!raised.created()) {
            return Response.ok(body).build();
        }
        return Response.created(uri.getAbsolutePathBuilder().path(body.id().toString()).build())
                .entity(body)
                .build();
    }

    /**
     * Records the bridge that resolved an objection: 404 for an unknown one (and, for a seller, for one on a
     * prospect not theirs), 409 when it was resolved before,
     * 400 when {@code resolvedAt} is before it was raised. Publishes ObjectionResolved.
     */
    @POST
    @Path("{id}/resolve")
    @RolesAllowed({Roles.SELLER, Roles.MANAGER})
    public ObjectionResponse resolve(@PathParam("id") String id, @Valid @NotNull ResolveObjectionRequest request) {
        return ObjectionResponse.of(objections.resolve(objectionId(id), request.bridge(),
                Optional.ofNullable(request.resolvedAt())));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.SELLER, Roles.MANAGER})
    public ObjectionResponse get(@PathParam("id") String id) {
        return ObjectionResponse.of(objections.get(objectionId(id)));
    }

    /**
     * The id in a path, read here rather than by JAX-RS, which answers a malformed one with a bare 404: no
     * objection has an id that is not a canonical UUID, so the client gets the same problem as for an unknown
     * one. A shortened form ({@code 1-1-1-1-1}) is no other name for a stored id: a body cannot use it either.
     */
    private static UUID objectionId(String id) {
        return CanonicalUuid.parse(id).orElseThrow(() -> new ObjectionNotFoundException(
                id.length() > 40 ? id.substring(0, 40) + "..." : id));
    }

    /**
     * Objections newest first, filtered by prospect, category and status; {@code page} from 0, {@code size} 1-500.
     * A seller sees only those on their own prospects: naming another's prospect gives an empty page.
     */
    @GET
    @RolesAllowed({Roles.SELLER, Roles.MANAGER})
    public ObjectionPageResponse list(
            @QueryParam("prospectId") String prospectId,
            @QueryParam("category") String category,
            @QueryParam("status") String status,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        QueryParameters parameters = new QueryParameters();
        Optional<UUID> byProspect = parameters.uuid("prospectId", prospectId);
        Optional<ObjectionCategory> byCategory = parameters.constant("category", category, ObjectionCategory.class);
        Optional<ObjectionStatus> byStatus = parameters.constant("status", status, ObjectionStatus.class);
        int pageNumber = parameters.integer("page", page, 0, 0, MAX_PAGE);
        int pageSize = parameters.integer("size", size, 50, 1, MAX_PAGE_SIZE);
        parameters.throwIfInvalid();
        ObjectionPage found = objections.list(byProspect, byCategory, byStatus, pageNumber, pageSize);
        return new ObjectionPageResponse(found.items().stream().map(ObjectionResponse::of).toList(),
                found.page(), found.size(), found.total());
    }

    /**
     * The bridges that resolved objections of a category, grouped by their trimmed, case-folded text, those
     * whose prospects were later won first; {@code limit} 1 to 500 bridges (default 50).
     */
    @GET
    @Path("playbook")
    @RolesAllowed({Roles.SELLER, Roles.MANAGER, Roles.ANALYST})
    public PlaybookResponse playbook(@QueryParam("category") String category, @QueryParam("limit") String limit) {
        QueryParameters parameters = new QueryParameters();
        Optional<ObjectionCategory> chosen = parameters.constant("category", category, ObjectionCategory.class);
        if (chosen.isEmpty() && !parameters.isInvalid("category")) {
            parameters.invalid("category", "is required: one of " + Arrays.toString(ObjectionCategory.values()));
        }
        int bridges = parameters.integer("limit", limit, 50, 1, MAX_PAGE_SIZE);
        parameters.throwIfInvalid();
        ObjectionCategory of = chosen.orElseThrow(); // its absence was refused above
        return new PlaybookResponse(of, playbook.bridges(of, bridges).stream()
                .map(PlaybookResponse.Bridge::of)
                .toList());
    }
}

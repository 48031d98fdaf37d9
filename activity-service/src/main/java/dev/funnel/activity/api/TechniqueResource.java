package dev.funnel.activity.api;

import dev.funnel.activity.domain.Technique;
import dev.funnel.activity.service.Techniques;
import dev.funnel.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** Marketing techniques: what the owner farms with, and how often they mean to do it. */
@Path("/techniques")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TechniqueResource {

    private final Techniques techniques;

    TechniqueResource(Techniques techniques) {
        this.techniques = techniques;
    }

    /** Defines a technique; 409 when the slug is taken. Publishes MarketingTechniqueDefined. */
    @POST
    @RolesAllowed(Roles.MARKETER)
    public Response define(@Valid @NotNull TechniqueRequest request, @Context UriInfo uri) {
        Technique technique = techniques.define(request.slug(), request.name(), request.cadence());
        return Response.created(uri.getAbsolutePathBuilder().path(technique.slug()).build())
                .entity(TechniqueResponse.of(technique))
                .build();
    }

    @GET
    @RolesAllowed({Roles.MARKETER, Roles.MANAGER, Roles.ANALYST})
    public List<TechniqueResponse> all() {
        return techniques.all().stream().map(TechniqueResponse::of).toList();
    }

    @GET
    @Path("{slug}")
    @RolesAllowed({Roles.MARKETER, Roles.MANAGER, Roles.ANALYST})
    public TechniqueResponse get(@PathParam("slug") String slug) {
        return TechniqueResponse.of(techniques.get(slug));
    }

    /** Changes name and cadence; publishes MarketingTechniqueDefined again when either changed. */
    @PUT
    @Path("{slug}")
    @RolesAllowed(Roles.MARKETER)
    public TechniqueResponse redefine(@PathParam("slug") String slug, @Valid @NotNull TechniqueUpdate update) {
        return TechniqueResponse.of(techniques.redefine(slug, update.name(), update.cadence()));
    }
}

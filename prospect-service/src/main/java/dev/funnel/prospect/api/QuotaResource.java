package dev.funnel.prospect.api;

import dev.funnel.events.ContractFormats;
import dev.funnel.prospect.domain.QuotaNotFoundException;
import dev.funnel.prospect.service.QuotaSetterRefusedException;
import dev.funnel.prospect.service.Quotas;
import dev.funnel.prospect.service.Quotas.Outcome;
import dev.funnel.prospect.service.Quotas.Setting;
import dev.funnel.web.Months;
import dev.funnel.web.Problems;
import dev.funnel.web.QueryParameters;
import dev.funnel.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Sellers' quotas for calendar months: "you have to devote all your time to it until you meet your quota". A manager
 * sets them; a seller reads their own, a manager everyone's. analytics-service measures the pace against them.
 */
@Path("/quotas")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class QuotaResource {

    private final Quotas quotas;
    private final Clock clock;

    QuotaResource(Quotas quotas, Clock clock) {
        this.quotas = quotas;
        this.clock = clock;
    }

    /**
     * Sets the seller's quota for the month, replacing any before, and publishes SalesQuotaSet: 201 when the month
     * had none, 200 when it replaced one or was already these targets (then nothing is published again).
     */
    @PUT
    @Path("{owner}/{month}")
    @RolesAllowed(Roles.MANAGER)
    public Response set(@PathParam("owner") String owner, @PathParam("month") String month,
            @Valid @NotNull SetQuotaRequest request, @Context UriInfo uri) {
        Setting setting = quotas.set(owner(owner), month(month), request.targets());
        QuotaResponse body = QuotaResponse.of(setting.quota());
        if (setting.outcome() == Outcome.CREATED) {
            return Response.created(uri.getAbsolutePath()).entity(body).build();
        }
        return Response.ok(body).build();
    }

    /** One seller's quota for the month; 404 when none is set (or it is another seller's). */
    @GET
    @Path("{owner}/{month}")
    @RolesAllowed({Roles.SELLER, Roles.MANAGER})
    public QuotaResponse get(@PathParam("owner") String owner, @PathParam("month") String month) {
        return QuotaResponse.of(quotas.find(owner(owner), month(month)));
    }

    /** The quotas set for a month (this month by default), by owner: a seller's own, or every seller's. */
    @GET
    @RolesAllowed({Roles.SELLER, Roles.MANAGER})
    public List<QuotaResponse> list(@QueryParam("month") String month) {
        QueryParameters parameters = new QueryParameters();
        YearMonth chosen = parameters.month("month", month).orElseGet(() -> YearMonth.now(clock));
        parameters.throwIfInvalid();
        return quotas.of(chosen).stream().map(QuotaResponse::of).toList();
    }

    @ServerExceptionMapper
    Response notFound(QuotaNotFoundException e) {
        return Problems.of(Response.Status.NOT_FOUND, e.getMessage()).build().toResponse();
    }

    @ServerExceptionMapper
    Response setterRefused(QuotaSetterRefusedException e) {
        return Problems.of(Response.Status.FORBIDDEN, e.getMessage()).build().toResponse();
    }

    private static String owner(String owner) {
        if (!ContractFormats.isOwner(owner)) {
            throw Problems.invalid("owner", "path", ContractFormats.OWNER_RULE,
                    "owner " + ContractFormats.OWNER_RULE + " but was " + QueryParameters.shown(owner));
        }
        return owner;
    }

    private static YearMonth month(String month) {
        return Months.parse(month).orElseThrow(() -> Problems.invalid("month", "path", Months.RULE,
                "month " + Months.RULE + " but was " + QueryParameters.shown(month)));
    }
}

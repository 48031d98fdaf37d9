package dev.funnel.analytics.api;

import dev.funnel.analytics.funnel.Cohort;
import dev.funnel.analytics.funnel.FunnelQueries;
import dev.funnel.analytics.funnel.Grouping;
import dev.funnel.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import dev.funnel.web.QueryParameters;

/**
 * The combined marketing-plus-sales funnel of the prospects found in [from, to]. Every figure is defined in the
 * README; the answer is computed from the facts when asked. Read by those who plan the work: analysts, managers and
 * marketers.
 */
@Path("/funnel")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ANALYST, Roles.MANAGER, Roles.MARKETER})
public class FunnelResource {

    private final FunnelQueries queries;

    FunnelResource(FunnelQueries queries) {
        this.queries = queries;
    }

    /** The cohort's effort, stage counts, conversions, win rate, days to win and objections. */
    @GET
    public FunnelResponse funnel(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("source") String source, @QueryParam("technique") String technique,
            @QueryParam("owner") String owner) {
        Cohort cohort = CohortParameters.cohort(from, to, source, technique, owner);
        return FunnelResponse.of(cohort, queries.funnel(cohort));
    }

    /** The same figures per source, technique, owner or ISO week of foundAt. */
    @GET
    @Path("breakdown")
    public BreakdownResponse breakdown(@QueryParam("by") String by, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("source") String source,
            @QueryParam("technique") String technique, @QueryParam("owner") String owner) {
        QueryParameters parameters = new QueryParameters();
        Grouping grouping = CohortParameters.grouping(parameters, by);
        Cohort cohort = CohortParameters.cohort(parameters, from, to, source, technique, owner);
        parameters.throwIfInvalid();
        return BreakdownResponse.of(cohort, grouping, queries.breakdown(cohort, grouping));
    }

    /** Per objection category: raised, resolved, and the win rates of bridged and unbridged prospects. */
    @GET
    @Path("objections")
    public ObjectionsResponse objections(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("source") String source, @QueryParam("technique") String technique,
            @QueryParam("owner") String owner) {
        Cohort cohort = CohortParameters.cohort(from, to, source, technique, owner);
        return ObjectionsResponse.of(cohort, queries.objections(cohort));
    }
}

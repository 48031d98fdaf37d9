package dev.funnel.analytics.api;

import dev.funnel.analytics.funnel.Cohort;
import dev.funnel.analytics.funnel.FunnelQueries;
import dev.funnel.analytics.funnel.Grouping;
import dev.funnel.web.QueryParameters;
import dev.funnel.web.csv.CsvRequests;
import dev.funnel.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

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
    private final PeriodComparison comparison;

    FunnelResource(FunnelQueries queries, PeriodComparison comparison) {
        this.queries = queries;
        this.comparison = comparison;
    }

    /** The cohort's effort, stage counts, conversions, win rate, days to win and objections. */
    @GET
    public Compared<FunnelResponse> funnel(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("source") String source, @QueryParam("technique") String technique,
            @QueryParam("owner") String owner, @QueryParam("compare") String compare) {
        QueryParameters parameters = new QueryParameters();
        Cohort cohort = CohortParameters.cohort(parameters, from, to, source, technique, owner);
        boolean previous = PeriodComparison.requested(parameters, compare);
        parameters.throwIfInvalid();
        return comparison.answer(previous, funnel(cohort), () -> funnel(cohort.previous()));
    }

    /** The same figures per source, technique, owner or ISO week of foundAt. */
    @GET
    @Path("breakdown")
    public Compared<BreakdownResponse> breakdown(@QueryParam("by") String by, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("source") String source,
            @QueryParam("technique") String technique, @QueryParam("owner") String owner,
            @QueryParam("compare") String compare) {
        QueryParameters parameters = new QueryParameters();
        Grouping grouping = CohortParameters.grouping(parameters, by);
        Cohort cohort = CohortParameters.cohort(parameters, from, to, source, technique, owner);
        boolean previous = PeriodComparison.requested(parameters, compare);
        parameters.throwIfInvalid();
        return comparison.answer(previous, breakdown(cohort, grouping), () -> breakdown(cohort.previous(), grouping));
    }

    /**
     * The same breakdown as a spreadsheet ({@code Accept: text/csv}), to open in a spreadsheet program; the
     * previous period's comparison is answered in JSON only.
     */
    @GET
    @Path("breakdown")
    @Produces(CsvRequests.TEXT_CSV)
    public Response breakdownSheet(@QueryParam("by") String by, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("source") String source,
            @QueryParam("technique") String technique, @QueryParam("owner") String owner,
            @QueryParam("compare") String compare) {
        QueryParameters parameters = new QueryParameters();
        Grouping grouping = CohortParameters.grouping(parameters, by);
        Cohort cohort = CohortParameters.cohort(parameters, from, to, source, technique, owner);
        if (compare != null) {
            parameters.invalid("compare", "is answered as JSON only (Accept: application/json)");
        }
        parameters.throwIfInvalid();
        BreakdownResponse breakdown = breakdown(cohort, grouping);
        return Response.ok(BreakdownSheet.of(breakdown))
                .header("Content-Disposition", "attachment; filename=\"funnel-by-" + breakdown.by() + "-"
                        + cohort.from() + "-" + cohort.to() + ".csv\"")
                .build();
    }

    /** Per objection category: raised, resolved, and the win rates of bridged and unbridged prospects. */
    @GET
    @Path("objections")
    public Compared<ObjectionsResponse> objections(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("source") String source, @QueryParam("technique") String technique,
            @QueryParam("owner") String owner, @QueryParam("compare") String compare) {
        QueryParameters parameters = new QueryParameters();
        Cohort cohort = CohortParameters.cohort(parameters, from, to, source, technique, owner);
        boolean previous = PeriodComparison.requested(parameters, compare);
        parameters.throwIfInvalid();
        return comparison.answer(previous, objections(cohort), () -> objections(cohort.previous()));
    }

    private FunnelResponse funnel(Cohort cohort) {
        return FunnelResponse.of(cohort, queries.funnel(cohort));
    }

    private BreakdownResponse breakdown(Cohort cohort, Grouping grouping) {
        return BreakdownResponse.of(cohort, grouping, queries.breakdown(cohort, grouping));
    }

    private ObjectionsResponse objections(Cohort cohort) {
        return ObjectionsResponse.of(cohort, queries.objections(cohort));
    }
}

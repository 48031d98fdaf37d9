package dev.funnel.analytics.api;

import dev.funnel.analytics.insights.DateRange;
import dev.funnel.analytics.insights.Insights;
import dev.funnel.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import dev.funnel.web.QueryParameters;

/**
 * What the funnel's counts mean: is the garden watered every day, how long until the sprouts, does hunting win
 * faster than farming, and how many weeks after the effort the harvest comes. Every figure is defined in the
 * README; each answer is computed from the facts when asked. {@code asOf} is the day the question is asked.
 * Read by the same people as the funnel: analysts, managers and marketers.
 */
@Path("/insights")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ANALYST, Roles.MANAGER, Roles.MARKETER})
public class InsightsResource {

    private final Insights insights;
    private final Clock clock;

    InsightsResource(Insights insights, Clock clock) {
        this.insights = insights;
        this.clock = clock;
    }

    /** Per technique: periods planned and kept in [from, to], streaks, habit strength and status as of asOf. */
    @GET
    @Path("consistency")
    public ConsistencyResponse consistency(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("asOf") String asOf) {
        QueryParameters parameters = new QueryParameters();
        DateRange range = CohortParameters.range(parameters, from, to);
        LocalDate day = InsightParameters.asOf(parameters, asOf, clock);
        parameters.throwIfInvalid();
        return ConsistencyResponse.of(range, insights.consistency(range, day));
    }

    /** Per technique: days from the first activity to the first prospect, or how long it has waited so far. */
    @GET
    @Path("sprout-lag")
    public SproutLagResponse sproutLag(@QueryParam("asOf") String asOf) {
        QueryParameters parameters = new QueryParameters();
        LocalDate day = InsightParameters.asOf(parameters, asOf, clock);
        parameters.throwIfInvalid();
        return SproutLagResponse.of(insights.sproutLag(day));
    }

    /** The MARKETING and SALES prospects found in [from, to]: volume, speed, conversion, value, objections. */
    @GET
    @Path("hunting-vs-farming")
    public HuntingVsFarmingResponse huntingVsFarming(@QueryParam("from") String from, @QueryParam("to") String to) {
        QueryParameters parameters = new QueryParameters();
        DateRange range = CohortParameters.range(parameters, from, to);
        parameters.throwIfInvalid();
        return HuntingVsFarmingResponse.of(range, insights.huntingVsFarming(range));
    }

    /** Per ISO week: effort, techniques worked, marketing prospects, adstock; and the lag that fits best. */
    @GET
    @Path("harvest")
    public HarvestResponse harvest(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("theta") String theta) {
        QueryParameters parameters = new QueryParameters();
        DateRange range = CohortParameters.range(parameters, from, to);
        double carryOver = InsightParameters.theta(parameters, theta);
        parameters.throwIfInvalid();
        return HarvestResponse.of(range, insights.harvest(range, carryOver));
    }
}

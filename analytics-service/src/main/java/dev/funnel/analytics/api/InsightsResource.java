package dev.funnel.analytics.api;

import dev.funnel.analytics.insights.DateRange;
import dev.funnel.analytics.insights.Insights;
import dev.funnel.analytics.pipeline.PipelineInsights;
import dev.funnel.web.QueryParameters;
import dev.funnel.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;

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
    private final PipelineInsights pipeline;
    private final PeriodComparison comparison;
    private final Clock clock;

    InsightsResource(Insights insights, PipelineInsights pipeline, PeriodComparison comparison, Clock clock) {
        this.insights = insights;
        this.pipeline = pipeline;
        this.comparison = comparison;
        this.clock = clock;
    }

    /** Per technique: periods planned and kept in [from, to], streaks, habit strength and status as of asOf. */
    @GET
    @Path("consistency")
    public Compared<ConsistencyResponse> consistency(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("asOf") String asOf, @QueryParam("compare") String compare) {
        QueryParameters parameters = new QueryParameters();
        DateRange range = CohortParameters.range(parameters, from, to);
        LocalDate day = InsightParameters.asOf(parameters, asOf, clock);
        boolean previous = PeriodComparison.requested(parameters, compare);
        parameters.throwIfInvalid();
        return comparison.answer(previous, consistency(range, day),
                () -> consistency(range.previous(), day.minusDays(range.days())));
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
    public Compared<HuntingVsFarmingResponse> huntingVsFarming(@QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("compare") String compare) {
        QueryParameters parameters = new QueryParameters();
        DateRange range = CohortParameters.range(parameters, from, to);
        boolean previous = PeriodComparison.requested(parameters, compare);
        parameters.throwIfInvalid();
        return comparison.answer(previous, huntingVsFarming(range), () -> huntingVsFarming(range.previous()));
    }

    /** Per ISO week: effort, techniques worked, marketing prospects, adstock; and the lag that fits best. */
    @GET
    @Path("harvest")
    public Compared<HarvestResponse> harvest(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("theta") String theta, @QueryParam("compare") String compare) {
        QueryParameters parameters = new QueryParameters();
        DateRange range = CohortParameters.range(parameters, from, to);
        double carryOver = InsightParameters.theta(parameters, theta);
        boolean previous = PeriodComparison.requested(parameters, compare);
        parameters.throwIfInvalid();
        return comparison.answer(previous, harvest(range, carryOver), () -> harvest(range.previous(), carryOver));
    }

    /**
     * The prospects found in [from, to] as of asOf: days found to contacted and contacted to won or lost, per
     * source and owner; the share won within {@code window} days; the open ones stuck past their stage's p90.
     */
    @GET
    @Path("time-in-stage")
    public Compared<TimeInStageResponse> timeInStage(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("asOf") String asOf, @QueryParam("window") String window,
            @QueryParam("compare") String compare) {
        QueryParameters parameters = new QueryParameters();
        DateRange range = CohortParameters.range(parameters, from, to);
        LocalDate day = InsightParameters.asOf(parameters, asOf, clock);
        int windowDays = InsightParameters.window(parameters, window);
        boolean previous = PeriodComparison.requested(parameters, compare);
        parameters.throwIfInvalid();
        return comparison.answer(previous, timeInStage(range, day, windowDays),
                () -> timeInStage(range.previous(), day.minusDays(range.days()), windowDays));
    }

    /** The prospects found in [from, to] that were lost: by reason, source, technique, owner; their objections. */
    @GET
    @Path("lost")
    public Compared<LossesResponse> lost(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("compare") String compare) {
        QueryParameters parameters = new QueryParameters();
        DateRange range = CohortParameters.range(parameters, from, to);
        boolean previous = PeriodComparison.requested(parameters, compare);
        parameters.throwIfInvalid();
        return comparison.answer(previous, lost(range), () -> lost(range.previous()));
    }

    private ConsistencyResponse consistency(DateRange range, LocalDate asOf) {
        return ConsistencyResponse.of(range, insights.consistency(range, asOf));
    }

    private HuntingVsFarmingResponse huntingVsFarming(DateRange range) {
        return HuntingVsFarmingResponse.of(range, insights.huntingVsFarming(range));
    }

    private HarvestResponse harvest(DateRange range, double theta) {
        return HarvestResponse.of(range, insights.harvest(range, theta));
    }

    private TimeInStageResponse timeInStage(DateRange range, LocalDate asOf, int windowDays) {
        return TimeInStageResponse.of(range, asOf, windowDays, pipeline.timeInStage(range, asOf, windowDays));
    }

    private LossesResponse lost(DateRange range) {
        return LossesResponse.of(range, pipeline.losses(range));
    }
}

package dev.funnel.webapp.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * analytics-service's harvest curve (its README, "Harvest curve", defines every figure): marketing effort and
 * marketing prospects per ISO week, the adstock of the effort, and how many weeks after the effort the prospects
 * follow it most closely.
 */
@RegisterRestClient(configKey = "analytics")
@RegisterProvider(PersonsAccessToken.class)
@RegisterProvider(ProblemResponseMapper.class)
@Path("/insights")
public interface HarvestInsightsApi {

    /**
     * @param theta the adstock carry-over the curve was computed with, echoed
     * @param bestLagWeeks the k with the highest r, the smallest on a tie; null when every r is null
     */
    record Harvest(LocalDate from, LocalDate to, double theta, List<Week> weeks, List<LagCorrelation> correlations,
            Integer bestLagWeeks, Double bestCorrelation) {
    }

    /** One ISO week's days inside the range: {@code week} is {@code 2026-W10}, {@code startsOn} its Monday. */
    record Week(String week, LocalDate startsOn, long effortMinutes, long activeTechniques, long prospectsFound,
            double adstock) {
    }

    /** Pearson's r of each week's prospects with the effort {@code lagWeeks} earlier; null when undefined. */
    record LagCorrelation(int lagWeeks, Double correlation) {
    }

    /** {@code from} and {@code to} are days (YYYY-MM-DD), passed as typed; {@code theta} null for the default. */
    @GET
    @Path("harvest")
    Harvest harvest(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("theta") String theta);
}

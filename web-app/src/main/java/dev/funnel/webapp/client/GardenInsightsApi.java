package dev.funnel.webapp.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The two insights of analytics-service the Today and Garden pages show (its README, "Consistency" and "Sprout lag",
 * defines every figure): is each technique watered on its cadence, and how long until its sprouts come up.
 */
@RegisterRestClient(configKey = "analytics")
@RegisterProvider(PersonsAccessToken.class)
@RegisterProvider(ProblemResponseMapper.class)
@Path("/insights")
public interface GardenInsightsApi {

    /** Where a technique stands as of a day. */
    enum Status {
        /** Quiet for three periods, worked for less than the typical sprout lag, no prospect: given up too early. */
        ABANDONED_EARLY,
        ABANDONED,
        GROWING,
        SEEDING;

        public boolean abandoned() {
            return this == ABANDONED || this == ABANDONED_EARLY;
        }
    }

    record Consistency(LocalDate from, LocalDate to, LocalDate asOf, long typicalSproutLagDays,
            List<TechniqueConsistency> techniques) {
    }

    record TechniqueConsistency(String technique, String name, Cadence cadence, LocalDate firstActivityOn,
            LocalDate lastActivityOn, long activeForDays, long plannedPeriods, long activePeriods, Double adherence,
            long currentStreak, long longestStreak, double habitStrength, long prospects, Status status) {
    }

    record SproutLag(LocalDate asOf, TypicalLag typicalLag, List<TechniqueLag> techniques) {
    }

    /** The median lag of the techniques that have one (42 days while none has); weeks rounded up. */
    record TypicalLag(long days, long weeks, int techniques) {
    }

    record TechniqueLag(String technique, String name, LocalDate firstActivityOn, LocalDate firstProspectOn,
            Long lagDays, Long daysSoFar, String progress) {
    }

    /** {@code from}, {@code to} and {@code asOf} are days, YYYY-MM-DD. */
    @GET
    @Path("consistency")
    Consistency consistency(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("asOf") String asOf);

    @GET
    @Path("sprout-lag")
    SproutLag sproutLag(@QueryParam("asOf") String asOf);
}

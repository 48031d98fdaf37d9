package dev.funnel.analytics.forecast;

import dev.funnel.events.ProspectSource;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import java.util.UUID;

/**
 * What the open prospects and the marketing effort should bring in the days after {@code asOf}, from what was
 * known at its end. Every figure is defined in the README.
 *
 * @param asOf the day the forecast is made, at its end
 * @param horizonDays how many days after {@code asOf} it looks
 * @param through the last day it looks at: asOf + horizonDays
 * @param owner the seller whose prospects it looks at; null for everyone's
 * @param customers how many of the open prospects should be won by then
 * @param expectedValueMinor per currency of the estimates: the sum of each estimated prospect's estimated value
 *     times its probability, rounded once to a whole minor unit
 * @param openProspects each open prospect, oldest first, with its probability and where it came from
 * @param marketing the marketing prospects to expect from each technique's effort
 */
public record Forecast(LocalDate asOf, int horizonDays, LocalDate through, String owner, Customers customers,
        SortedMap<String, BigInteger> expectedValueMinor, List<OpenProspect> openProspects, Marketing marketing) {

    /**
     * @param open the open prospects as of asOf's end
     * @param estimated those with a probability: every one with a reference prospect
     * @param withoutHistory those without: no earlier prospect was open at their age whose horizon has passed
     * @param expected the sum of the probabilities, computed exactly and given as the nearest double
     * @param low the 5% quantile of the number won: the smallest k with P(won <= k) >= 0.05
     * @param high the 95% quantile: the smallest k with P(won <= k) >= 0.95; [low, high] holds the number won
     *     with a probability of at least 90%, taking each probability as known
     */
    public record Customers(int open, int estimated, int withoutHistory, double expected, int low, int high) {
    }

    /**
     * @param stage FOUND (not contacted yet) or CONTACTED, as of asOf's end
     * @param ageDays days from being found to asOf's end
     * @param basis which reference prospects its probability comes from; NONE without any
     * @param references how many reference prospects that basis holds
     * @param referencesWon of those, how many were won within the horizon after reaching the same age
     * @param probability referencesWon / references; null without references
     * @param wilsonLow the 90% Wilson score interval of that share: how sure the share is, given its references
     * @param wilsonHigh its upper end
     */
    public record OpenProspect(UUID prospectId, ProspectSource source, String technique, String owner, Stage stage,
            double ageDays, Long estimatedValueMinor, String currency, Basis basis, int references,
            int referencesWon, Double probability, Double wilsonLow, Double wilsonHigh) {
    }

    /** The stages an open prospect can be in. */
    public enum Stage {
        FOUND, CONTACTED
    }

    /** The reference prospects a probability comes from, narrowest first. */
    public enum Basis {
        /** those of the same stage and source */
        STAGE_AND_SOURCE,
        /** those of the same stage, whatever their source */
        STAGE,
        /** every prospect still open at the same age */
        ALL,
        /** there was none */
        NONE
    }

    /**
     * @param expectedProspects the sum over the techniques with an expectation, computed exactly, as a double
     * @param techniques every defined technique worked or bringing prospects in the year up to asOf, by slug
     */
    public record Marketing(double expectedProspects, List<TechniqueForecast> techniques) {
    }

    /**
     * @param lagDays its sprout lag: first activity to first prospect, in days; null without a prospect yet, or if
     *     the first prospect came before the first activity
     * @param minutesLast28Days minutes worked in the 28 days asOf - 27 .. asOf: its current effort
     * @param minutesPerWeek the same per week: minutesLast28Days / 4
     * @param prospectsLastYear marketing prospects it brought, found asOf - 364 .. asOf
     * @param laggedMinutesLastYear minutes worked a lag earlier: asOf - 364 - lag .. asOf - lag; null without a lag
     * @param prospectsPerHour its yield: prospectsLastYear / laggedMinutesLastYear, per 60 minutes; null without a
     *     lag or without lagged minutes
     * @param harvestedMinutes the effort whose prospects come in the horizon, a lag after it: the minutes worked
     *     asOf + 1 - lag .. asOf, plus the current effort per day (minutesLast28Days / 28) for the days of that
     *     window after asOf (horizonDays - lag of them, when the lag is shorter than the horizon); null without a
     *     lag
     * @param expectedProspects prospectsPerHour * harvestedMinutes / 60, exactly; null when the yield is
     */
    public record TechniqueForecast(String technique, Long lagDays, long minutesLast28Days, double minutesPerWeek,
            long prospectsLastYear, Long laggedMinutesLastYear, Double prospectsPerHour, Double harvestedMinutes,
            Double expectedProspects) {
    }
}

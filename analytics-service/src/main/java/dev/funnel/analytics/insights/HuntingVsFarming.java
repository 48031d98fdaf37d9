package dev.funnel.analytics.insights;

import dev.funnel.analytics.funnel.FunnelFigures.DaysToWin;
import dev.funnel.events.ProspectSource;
import java.math.BigInteger;
import java.util.SortedMap;

/**
 * The article's claim, measured: the farmed (MARKETING) and hunted (SALES) prospects found in the same days.
 *
 * @param marketing the MARKETING cohort, with the marketing effort of those days
 * @param sales the SALES cohort
 */
public record HuntingVsFarming(SourceCohort marketing, SourceCohort sales) {

    /**
     * Ratios are null when their denominator is 0.
     *
     * @param source MARKETING or SALES
     * @param found prospects of the source found in the range
     * @param won of those, the ones won (whenever)
     * @param lost of those, the ones lost
     * @param winRate won / (won + lost)
     * @param daysToWin found to won in days: nearest-rank median and p90 of the won
     * @param wonValueMinor what the won were worth, per currency, in minor units; exact, whatever its size
     * @param objectedShare the share of the found who raised at least one objection
     * @param effort MARKETING only (null for SALES): the effort of the range's days and what it cost per result
     */
    public record SourceCohort(ProspectSource source, long found, long won, long lost, Double winRate,
            DaysToWin daysToWin, SortedMap<String, BigInteger> wonValueMinor, Double objectedShare, Effort effort) {
    }

    /**
     * @param activities marketing activities performed in the range
     * @param minutes their minutes
     * @param costMinor their cost per currency, in minor units; exact, whatever its size
     * @param minutesPerProspectFound minutes / found
     * @param minutesPerCustomerWon minutes / won
     * @param costPerProspectFoundMinor each currency's cost / found, the exact quotient rounded once to a double;
     *     null when none was found
     * @param costPerCustomerWonMinor each currency's cost / won, likewise; null when none was won
     */
    public record Effort(long activities, long minutes, SortedMap<String, BigInteger> costMinor,
            Double minutesPerProspectFound, Double minutesPerCustomerWon,
            SortedMap<String, Double> costPerProspectFoundMinor, SortedMap<String, Double> costPerCustomerWonMinor) {
    }
}

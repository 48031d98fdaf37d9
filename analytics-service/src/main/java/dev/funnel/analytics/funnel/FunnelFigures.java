package dev.funnel.analytics.funnel;

import java.math.BigInteger;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The figures of a cohort, as the README defines them. Every ratio is null when its denominator is zero.
 *
 * @param effort marketing effort over the cohort's days; null where effort cannot be attributed (per owner)
 * @param stages how many prospects reached each stage
 * @param conversion the conversions between stages
 * @param winRate won / (won + lost)
 * @param daysToWin days from found to won of the won prospects, nearest-rank median and 90th percentile
 * @param objections objections raised by the cohort's prospects, and how many of them were resolved
 */
public record FunnelFigures(Effort effort, Stages stages, Conversion conversion, Double winRate,
        DaysToWin daysToWin, ObjectionCounts objections) {

    static FunnelFigures of(Effort effort, Counts counts) {
        Stages stages = new Stages(counts.found(), counts.contacted(), counts.objected(), counts.won(),
                counts.lost(), counts.found() - counts.won() - counts.lost());
        Conversion conversion = new Conversion(ratio(counts.contacted(), counts.found()),
                ratio(counts.won(), counts.contacted()), ratio(counts.won(), counts.found()));
        return new FunnelFigures(effort, stages, conversion, ratio(counts.won(), counts.won() + counts.lost()),
                new DaysToWin(counts.medianDaysToWin(), counts.p90DaysToWin()),
                new ObjectionCounts(counts.objectionsRaised(), counts.objectionsResolved()));
    }

    /** @return part / whole, or null when whole is 0 */
    static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    /**
     * Marketing activities performed on the cohort's days.
     *
     * @param activities how many
     * @param minutes time spent
     * @param costMinor money spent per ISO 4217 currency, in minor units; a currency appears once an activity in
     *     it was logged, even at no cost. Exact, whatever its size: each activity may cost up to
     *     {@link Long#MAX_VALUE}, so two of them already add up to more than a long holds
     */
    public record Effort(long activities, long minutes, SortedMap<String, BigInteger> costMinor) {

        public static final Effort NONE = new Effort(0, 0, new TreeMap<>());

        public Effort {
            costMinor = new TreeMap<>(costMinor);
        }

        Effort plus(long moreActivities, long moreMinutes, String currency, BigInteger cost) {
            SortedMap<String, BigInteger> costs = new TreeMap<>(costMinor);
            costs.merge(currency, cost, BigInteger::add);
            // Counts and minutes (at most 1,440 an activity) cannot reach a long's limit; should they, fail loudly.
            return new Effort(Math.addExact(activities, moreActivities), Math.addExact(minutes, moreMinutes), costs);
        }
    }

    /**
     * @param found prospects in the cohort
     * @param contacted those contacted or won
     * @param objected those who raised at least one objection
     * @param won those won
     * @param lost those lost
     * @param open found - won - lost
     */
    public record Stages(long found, long contacted, long objected, long won, long lost, long open) {
    }

    /**
     * @param foundToContacted contacted / found
     * @param contactedToWon won / contacted
     * @param foundToWon won / found
     */
    public record Conversion(Double foundToContacted, Double contactedToWon, Double foundToWon) {
    }

    /**
     * @param median the value at rank ceil(0.5 n) of the n sorted values, null without wins
     * @param p90 the value at rank ceil(0.9 n), null without wins
     */
    public record DaysToWin(Double median, Double p90) {
    }

    /**
     * @param raised objections raised by the cohort's prospects
     * @param resolved of those, the ones resolved
     */
    public record ObjectionCounts(long raised, long resolved) {
    }

    /** The counts one SQL row gives for a cohort or a group of it. */
    record Counts(long found, long contacted, long objected, long won, long lost, long objectionsRaised,
            long objectionsResolved, Double medianDaysToWin, Double p90DaysToWin) {

        static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0, null, null);
    }
}

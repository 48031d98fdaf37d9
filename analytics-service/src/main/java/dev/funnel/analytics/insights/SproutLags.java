package dev.funnel.analytics.insights;

import java.time.LocalDate;
import java.util.List;

/**
 * How long until a technique brings its first prospect, and how far along the ones still waiting are.
 *
 * @param asOf the day the question is asked
 * @param typicalLag the median lag over the techniques with a first prospect
 * @param techniques every technique started by {@code asOf}, by slug
 */
public record SproutLags(LocalDate asOf, TypicalLag typicalLag, List<Technique> techniques) {

    /**
     * @param days the nearest-rank median of the techniques' lags; 42 when no technique has one
     * @param weeks the same in whole weeks, rounded up (at least 1)
     * @param techniques how many lags the median was taken over; 0 means the default
     */
    public record TypicalLag(long days, long weeks, int techniques) {
    }

    /**
     * @param technique the slug
     * @param name its name
     * @param firstActivityOn its first activity; null if never worked
     * @param firstProspectOn the day its first prospect was found; null if none yet
     * @param lagDays firstProspectOn - firstActivityOn in days; null without both, or if the prospect came first
     * @param daysSoFar for a worked technique without a prospect: asOf - firstActivityOn in days; null otherwise
     * @param progress for the same: "week N of a typical M-week lag"; null otherwise
     */
    public record Technique(String technique, String name, LocalDate firstActivityOn, LocalDate firstProspectOn,
            Long lagDays, Long daysSoFar, String progress) {
    }
}

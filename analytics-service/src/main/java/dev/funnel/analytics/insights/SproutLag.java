package dev.funnel.analytics.insights;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** How long techniques take to bring their first prospect, and how far along a technique without one is. */
final class SproutLag {

    /** The typical lag while no technique has brought a prospect yet: six weeks, a gardener's guess. */
    static final long DEFAULT_DAYS = 42;

    private SproutLag() {
    }

    /**
     * Days from the first activity to the first prospect; null without either, or when the first prospect came
     * before the first activity (the work that brought it was never logged, so the lag cannot be told).
     */
    static Long days(LocalDate firstActivity, LocalDate firstProspect) {
        if (firstActivity == null || firstProspect == null || firstProspect.isBefore(firstActivity)) {
            return null;
        }
        return ChronoUnit.DAYS.between(firstActivity, firstProspect);
    }

    /** The nearest-rank median of the lags, or {@value #DEFAULT_DAYS} days when there is none. */
    static long typicalDays(List<Long> lags) {
        Long median = Percentiles.nearestRank(lags, 50);
        return median == null ? DEFAULT_DAYS : median;
    }

    /** A lag in whole weeks, rounded up, at least 1: a 20-day lag is a 3-week lag. */
    static long weeks(long days) {
        return Math.max(1, Math.floorDiv(days + 6, 7));
    }

    /** "week N of a typical M-week lag": day 0 to 6 since the first activity is week 1. */
    static String progress(long daysSoFar, long typicalDays) {
        return "week " + (daysSoFar / 7 + 1) + " of a typical " + weeks(typicalDays) + "-week lag";
    }
}

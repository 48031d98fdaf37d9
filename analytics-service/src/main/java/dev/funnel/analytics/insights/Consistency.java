package dev.funnel.analytics.insights;

import dev.funnel.events.Cadence;
import java.time.LocalDate;
import java.util.List;

/**
 * Is the garden watered every day? Every technique's periods kept in a range, its streaks and habit strength as of
 * a day, and where it stands.
 *
 * @param asOf the day the question is asked
 * @param typicalSproutLagDays the typical sprout lag as of that day, against which ABANDONED_EARLY is judged
 * @param techniques every technique started by {@code asOf}, by slug
 */
public record Consistency(LocalDate asOf, long typicalSproutLagDays, List<Technique> techniques) {

    /**
     * @param technique the slug
     * @param name its name
     * @param cadence DAILY, WEEKDAYS or WEEKLY: what a period is
     * @param firstActivityOn its first activity; null if never worked
     * @param lastActivityOn its latest activity up to {@code asOf}; null if never worked
     * @param activeForDays days from the first to the last activity
     * @param plannedPeriods its periods in the range, up to {@code asOf}
     * @param activePeriods of those, the ones with at least one activity
     * @param adherence activePeriods / plannedPeriods; null when nothing was planned
     * @param currentStreak consecutive kept periods up to {@code asOf}
     * @param longestStreak the longest run of consecutive kept periods up to {@code asOf}
     * @param habitStrength Loop Habit Tracker's score on {@code asOf}, 0 to 1
     * @param prospects MARKETING prospects it brought, found up to {@code asOf}
     * @param status where it stands
     */
    public record Technique(String technique, String name, Cadence cadence, LocalDate firstActivityOn,
            LocalDate lastActivityOn, long activeForDays, long plannedPeriods, long activePeriods, Double adherence,
            long currentStreak, long longestStreak, double habitStrength, long prospects, TechniqueStatus status) {
    }
}

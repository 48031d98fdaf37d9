package dev.funnel.analytics.insights;

import dev.funnel.events.Cadence;
import java.time.LocalDate;
import java.util.NavigableSet;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * A technique's record in the periods of its cadence, as of a day: which periods had an activity, its streaks,
 * whether it went quiet, and how many periods of a range were planned and kept.
 *
 * <p>The period containing {@code asOf} is still running: an activity in it counts, but the lack of one is not held
 * against the technique, because the day (or week) is not over when the question is asked. Periods before the
 * technique's first one were never planned.
 */
final class PeriodRecord {

    /** A technique with no activity in this many complete periods, nor in the running one, has gone quiet. */
    static final int QUIET_PERIODS = 3;

    private final Periods periods;
    private final NavigableSet<LocalDate> activityDays;
    private final long first;
    private final OptionalLong running;
    private final long lastComplete;
    private final NavigableSet<Long> active = new TreeSet<>();

    /**
     * @param cadence the technique's cadence
     * @param start the technique's first day: its first activity, or the day it was defined if it has none
     * @param activityDays the days with at least one activity, none after {@code asOf} and none before {@code start}
     * @param asOf the day the question is asked, not before {@code start}
     */
    PeriodRecord(Cadence cadence, LocalDate start, NavigableSet<LocalDate> activityDays, LocalDate asOf) {
        if (asOf.isBefore(start)) {
            throw new IllegalArgumentException("asOf " + asOf + " is before the start " + start);
        }
        if (!activityDays.isEmpty() && (activityDays.first().isBefore(start) || activityDays.last().isAfter(asOf))) {
            throw new IllegalArgumentException("activity days outside " + start + ".." + asOf);
        }
        this.periods = Periods.of(cadence);
        this.activityDays = activityDays;
        this.first = periods.containingOrNext(start);
        this.running = periods.containing(asOf);
        // Under WEEKDAYS a weekend asOf is in no period: the Friday before it is over.
        this.lastComplete = running.isPresent() ? running.getAsLong() - 1 : periods.latestBeginningBy(asOf);
        // A weekend activity of a WEEKDAYS technique is in no period: it keeps no streak and fills no planned day.
        activityDays.forEach(day -> periods.containing(day).ifPresent(active::add));
    }

    /**
     * Consecutive kept periods up to the latest complete one, plus the running one if it is kept already.
     */
    long currentStreak() {
        long streak = runningKept() ? 1 : 0;
        for (long period = lastComplete; active.contains(period); period--) {
            streak++;
        }
        return streak;
    }

    /** The longest run of consecutive kept periods, up to {@code asOf}. */
    long longestStreak() {
        long longest = 0;
        long run = 0;
        Long previous = null;
        for (long period : active) {
            run = previous != null && period == previous + 1 ? run + 1 : 1;
            longest = Math.max(longest, run);
            previous = period;
        }
        return longest;
    }

    /**
     * No activity in the last {@value #QUIET_PERIODS} complete periods, nor since, although the technique is older
     * than that. Activities on days outside every period (a weekend under WEEKDAYS) count as a sign of life here.
     */
    boolean quiet() {
        long third = lastComplete - (QUIET_PERIODS - 1);
        if (third < first) {
            return false;
        }
        return activityDays.ceiling(periods.firstDay(third)) == null;
    }

    /**
     * The technique's periods that overlap the range: from its first period to the latest complete one, and the
     * running one once it is kept. A period that only partly overlaps the range (an ISO week) counts whole.
     */
    long planned(DateRange range) {
        long lo = lowest(range);
        long hi = highest(range);
        return Math.max(0, hi - lo + 1);
    }

    /** Of the planned periods of the range, those with at least one activity (on any of their days). */
    long kept(DateRange range) {
        long lo = lowest(range);
        long hi = highest(range);
        return lo > hi ? 0 : active.subSet(lo, true, hi, true).size();
    }

    private long lowest(DateRange range) {
        return Math.max(first, periods.containingOrNext(range.from()));
    }

    private long highest(DateRange range) {
        long last = runningKept() ? running.getAsLong() : lastComplete;
        return Math.min(last, periods.latestBeginningBy(range.to()));
    }

    private boolean runningKept() {
        return running.isPresent() && active.contains(running.getAsLong());
    }
}

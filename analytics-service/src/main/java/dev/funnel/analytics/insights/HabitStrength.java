package dev.funnel.analytics.insights;

import dev.funnel.events.Cadence;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.NavigableSet;

/**
 * Habit strength as Loop Habit Tracker's {@code ScoreList} computes it for a yes/no habit: a day is a repetition
 * when at least one activity was logged for it. Each day, the share of the planned repetitions done in a rolling
 * window of the cadence's length (capped at 1) moves the score towards itself:
 * {@code score = previous * m + share * (1 - m)}, {@code m = 0.5^(sqrt(f) / 13)}, f = planned repetitions per day.
 *
 * <p>DAILY plans 1 of 1 day, WEEKDAYS 5 of 7, WEEKLY 1 of 7. Like Loop, when fewer than one repetition a day is
 * planned, window and target are both doubled (10 of 14, 2 of 14), so that a weekly habit done on a Monday one week
 * and a Sunday the next still counts as kept; f stays the same.
 */
final class HabitStrength {

    private HabitStrength() {
    }

    /** Repetitions planned per window. */
    static int target(Cadence cadence) {
        return doubled(cadence) ? plannedRepetitions(cadence) * 2 : plannedRepetitions(cadence);
    }

    /** Days in the rolling window. */
    static int window(Cadence cadence) {
        return doubled(cadence) ? cadenceDays(cadence) * 2 : cadenceDays(cadence);
    }

    private static int plannedRepetitions(Cadence cadence) {
        return cadence == Cadence.WEEKDAYS ? 5 : 1;
    }

    private static int cadenceDays(Cadence cadence) {
        return cadence == Cadence.DAILY ? 1 : 7;
    }

    /** Fewer than one repetition a day planned. */
    private static boolean doubled(Cadence cadence) {
        return plannedRepetitions(cadence) < cadenceDays(cadence);
    }

    /** How much of yesterday's score a day keeps: 0.5^(sqrt(f) / 13), so the half-life is 13 / sqrt(f) days. */
    static double multiplier(Cadence cadence) {
        double frequency = (double) target(cadence) / window(cadence);
        return Math.pow(0.5, Math.sqrt(frequency) / 13.0);
    }

    /**
     * The score on {@code asOf}, computed day by day from {@code first} (the first repetition, score 0 before it) to
     * {@code asOf}, both included. Like Loop on today, a day without a repetition yet lowers the score a little.
     *
     * @param repetitions the days with a repetition; days outside [first, asOf] are ignored
     * @return 0 to 1
     */
    static double score(Cadence cadence, NavigableSet<LocalDate> repetitions, LocalDate first, LocalDate asOf) {
        int target = target(cadence);
        int window = window(cadence);
        double m = multiplier(cadence);
        LocalDate lastRepetition = repetitions.floor(asOf);
        if (lastRepetition == null || lastRepetition.isBefore(first)) {
            return 0;
        }
        // Once the last repetition has left the window every share is 0 and each day only multiplies by m: those
        // days are one power, so a technique abandoned years ago costs no more than one worked last week.
        LocalDate lastWithShare = lastRepetition.plusDays(window - 1L);
        LocalDate walkedTo = lastWithShare.isBefore(asOf) ? lastWithShare : asOf;
        double score = 0;
        int inWindow = 0;
        for (LocalDate day = first; !day.isAfter(walkedTo); day = day.plusDays(1)) {
            if (repetitions.contains(day)) {
                inWindow++;
            }
            LocalDate leaving = day.minusDays(window);
            if (!leaving.isBefore(first) && repetitions.contains(leaving)) {
                inWindow--;
            }
            double share = Math.min(1.0, (double) inWindow / target);
            score = score * m + share * (1 - m);
        }
        return score * Math.pow(m, ChronoUnit.DAYS.between(walkedTo, asOf));
    }
}

package dev.funnel.analytics.insights;

import dev.funnel.events.Cadence;
import java.time.LocalDate;
import java.util.OptionalLong;

/**
 * The periods a cadence plans, numbered so that consecutive periods have consecutive numbers: DAILY plans every day,
 * WEEKDAYS every Monday to Friday (a Friday and the next Monday are consecutive, which is why a weekend never
 * breaks a streak), WEEKLY every ISO week (Monday to Sunday).
 */
final class Periods {

    /** 1970-01-01, epoch day 0, was a Thursday: shifting by 3 makes day 0 of every 7 a Monday. */
    private static final int MONDAY_SHIFT = 3;
    private static final int WEEKDAYS_PER_WEEK = 5;

    private final Cadence cadence;

    private Periods(Cadence cadence) {
        this.cadence = cadence;
    }

    static Periods of(Cadence cadence) {
        return new Periods(cadence);
    }

    /** The period that contains the day; none for a Saturday or Sunday under WEEKDAYS. */
    OptionalLong containing(LocalDate day) {
        if (cadence == Cadence.WEEKDAYS && dayOfWeek(day) >= WEEKDAYS_PER_WEEK) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(latestBeginningBy(day));
    }

    /** The latest period that began on or before the day: the day's own, or the Friday before a weekend. */
    long latestBeginningBy(LocalDate day) {
        return switch (cadence) {
            case DAILY -> day.toEpochDay();
            case WEEKLY -> week(day);
            case WEEKDAYS -> week(day) * WEEKDAYS_PER_WEEK + Math.min(dayOfWeek(day), WEEKDAYS_PER_WEEK - 1);
        };
    }

    /** The period that contains the day, or the next one when the day is in none (a weekend under WEEKDAYS). */
    long containingOrNext(LocalDate day) {
        OptionalLong own = containing(day);
        return own.isPresent() ? own.getAsLong() : latestBeginningBy(day) + 1;
    }

    LocalDate firstDay(long period) {
        return switch (cadence) {
            case DAILY -> LocalDate.ofEpochDay(period);
            case WEEKLY -> LocalDate.ofEpochDay(period * 7 - MONDAY_SHIFT);
            case WEEKDAYS -> LocalDate.ofEpochDay(Math.floorDiv(period, WEEKDAYS_PER_WEEK) * 7 - MONDAY_SHIFT
                    + Math.floorMod(period, WEEKDAYS_PER_WEEK));
        };
    }

    private static long week(LocalDate day) {
        return Math.floorDiv(day.toEpochDay() + MONDAY_SHIFT, 7);
    }

    /** 0 for Monday to 6 for Sunday. */
    private static int dayOfWeek(LocalDate day) {
        return (int) Math.floorMod(day.toEpochDay() + MONDAY_SHIFT, 7);
    }
}

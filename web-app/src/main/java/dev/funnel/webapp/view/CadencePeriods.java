package dev.funnel.webapp.view;

import dev.funnel.webapp.client.Cadence;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.OptionalLong;

/**
 * A cadence's periods numbered so that consecutive periods have consecutive numbers, as analytics-service counts them
 * (its README, "Consistency"): DAILY every day, WEEKDAYS every Monday to Friday (a Friday and the next Monday are
 * consecutive, so a weekend never breaks a streak), WEEKLY every ISO week. The pages must draw the periods the
 * figures beside them were computed from, so this is the same arithmetic, not a look-alike.
 */
public final class CadencePeriods {

    /** 1970-01-05, the first Monday after epoch day 0: ISO weeks are counted from it. */
    private static final LocalDate A_MONDAY = LocalDate.of(1970, 1, 5);
    private static final int WEEKDAYS_PER_WEEK = 5;

    private final Cadence cadence;

    private CadencePeriods(Cadence cadence) {
        this.cadence = cadence;
    }

    public static CadencePeriods of(Cadence cadence) {
        return new CadencePeriods(cadence);
    }

    public Cadence cadence() {
        return cadence;
    }

    /** The period that contains the day; none for a Saturday or Sunday under WEEKDAYS. */
    public OptionalLong containing(LocalDate day) {
        if (cadence == Cadence.WEEKDAYS && isWeekend(day)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(latestBeginningBy(day));
    }

    /** The latest period that began on or before the day: its own, or under WEEKDAYS the Friday before a weekend. */
    public long latestBeginningBy(LocalDate day) {
        return switch (cadence) {
            case DAILY -> day.toEpochDay();
            case WEEKLY -> week(day);
            case WEEKDAYS -> week(day) * WEEKDAYS_PER_WEEK + Math.min(dayOfWeek(day), WEEKDAYS_PER_WEEK - 1);
        };
    }

    /** The period that contains the day, or the next one when the day is in none (a weekend under WEEKDAYS). */
    public long containingOrNext(LocalDate day) {
        OptionalLong own = containing(day);
        return own.isPresent() ? own.getAsLong() : latestBeginningBy(day) + 1;
    }

    /**
     * The latest period that is over on {@code asOf}: the one before the running one, or under WEEKDAYS on a weekend
     * the Friday before it (a weekend is in no period, so nothing is running).
     */
    public long latestComplete(LocalDate asOf) {
        OptionalLong running = containing(asOf);
        return running.isPresent() ? running.getAsLong() - 1 : latestBeginningBy(asOf);
    }

    public LocalDate firstDay(long period) {
        return switch (cadence) {
            case DAILY -> LocalDate.ofEpochDay(period);
            case WEEKLY -> A_MONDAY.plusWeeks(period);
            case WEEKDAYS -> A_MONDAY.plusWeeks(Math.floorDiv(period, WEEKDAYS_PER_WEEK))
                    .plusDays(Math.floorMod(period, WEEKDAYS_PER_WEEK));
        };
    }

    /** What one period is called, in the singular or the plural: "day", "weekdays", "week". */
    public String unit(long count) {
        String one = switch (cadence) {
            case DAILY -> "day";
            case WEEKDAYS -> "weekday";
            case WEEKLY -> "week";
        };
        return count == 1 ? one : one + "s";
    }

    public static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static long week(LocalDate day) {
        return Math.floorDiv(ChronoUnit.DAYS.between(A_MONDAY, day), 7);
    }

    /** 0 for Monday to 6 for Sunday. */
    private static int dayOfWeek(LocalDate day) {
        return day.getDayOfWeek().getValue() - 1;
    }
}

package dev.funnel.webapp.view;

import dev.funnel.webapp.client.Cadence;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * A technique's last weeks as a calendar, one row per ISO week (Monday first), each day in the state of the period
 * its cadence puts it in, as analytics-service counts periods (its README, "Consistency"):
 *
 * <ul>
 *   <li>{@code kept}: the day's period has an activity (under WEEKLY, on any day of its week);</li>
 *   <li>{@code missed}: the period is over and had none;</li>
 *   <li>{@code running}: the period is still running (today, or this week under WEEKLY), not kept yet, and the day
 *       is not after today;</li>
 *   <li>{@code planned}: a day after today in a period the cadence plans (the rest of this week, or of the running
 *       week under WEEKLY);</li>
 *   <li>{@code none}: not planned: before the technique began, or a Saturday or Sunday under WEEKDAYS.</li>
 * </ul>
 *
 * Activities after today are not counted, as the service's answer as of today does not see them.
 */
public record GardenCalendar(List<Week> weeks) {

    /** The weeks a calendar shows: a quarter, long enough to see a habit form or fade. */
    public static final int WEEKS = 12;

    public enum State {
        KEPT("kept", "\u2713", "kept"),
        MISSED("missed", "\u2717", "missed"),
        RUNNING("running", "\u2026", "running, not worked yet"),
        PLANNED("planned", "\u25CB", "planned, still to come"),
        NONE("none", "\u00B7", "not planned");

        private final String code;
        private final String symbol;
        private final String words;

        State(String code, String symbol, String words) {
            this.code = code;
            this.symbol = symbol;
            this.words = words;
        }

        /** What {@code data-state} says: kept, missed, running, planned or none. */
        public String code() {
            return code;
        }

        public String symbol() {
            return symbol;
        }

        public String words() {
            return words;
        }
    }

    /**
     * One day. A worked day reads differently from the other days of its state (a filled dot), so that under WEEKLY
     * the day the week was kept on stands out, and a weekend day worked under WEEKDAYS is seen although it keeps
     * nothing.
     */
    public record Cell(LocalDate day, State state, int minutes, boolean worked, boolean today) {

        /** The text in the cell: the state's symbol, or a filled dot on a day worked ("+" on a day not planned). */
        public String symbol() {
            if (!worked) {
                return state.symbol();
            }
            return state == State.NONE ? "+" : "\u25CF";
        }

        /** The cell's classes: its state, and whether it was worked and is today (for the outline). */
        public String classes() {
            return state.code() + (worked ? " worked" : "") + (today ? " today" : "");
        }

        /** What a screen reader says, and a tooltip shows: the day, its state, and the work done on it. */
        public String label() {
            String work = worked ? ", worked " + minutes + (minutes == 1 ? " minute" : " minutes") : "";
            return DayWords.fully(day) + (today ? " (today)" : "") + ": " + state.words() + work;
        }
    }

    public record Week(LocalDate monday, int isoWeek, List<Cell> days) {

        /** The row's heading: {@code W48, 23 Nov}. */
        public String label() {
            return "W" + isoWeek + ", " + DayWords.dayMonth(monday);
        }
    }

    /**
     * @param cadence the technique's cadence
     * @param start the day it began: its first activity, or the day it was defined if never worked
     * @param minutesByDay minutes worked per day (a day present was worked, even for 0 minutes)
     * @param today the day the calendar is drawn on (UTC)
     * @param weeks how many ISO weeks, the one containing today last
     */
    public static GardenCalendar of(Cadence cadence, LocalDate start, Map<LocalDate, Integer> minutesByDay,
            LocalDate today, int weeks) {
        CadencePeriods periods = CadencePeriods.of(cadence);
        Set<Long> kept = new TreeSet<>();
        minutesByDay.keySet().stream().filter(day -> !day.isAfter(today))
                .forEach(day -> periods.containing(day).ifPresent(kept::add));
        OptionalLong running = periods.containing(today);
        LocalDate thisMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<Week> rows = new ArrayList<>();
        for (int back = weeks - 1; back >= 0; back--) {
            LocalDate monday = thisMonday.minusWeeks(back);
            List<Cell> days = new ArrayList<>();
            for (int offset = 0; offset < 7; offset++) {
                LocalDate day = monday.plusDays(offset);
                Integer minutes = day.isAfter(today) ? null : minutesByDay.get(day);
                State state = state(periods, day, start, kept, running, today);
                days.add(new Cell(day, state, minutes == null ? 0 : minutes, minutes != null, day.equals(today)));
            }
            rows.add(new Week(monday, monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), days));
        }
        return new GardenCalendar(rows);
    }

    private static State state(CadencePeriods periods, LocalDate day, LocalDate start, Set<Long> kept,
            OptionalLong running, LocalDate today) {
        OptionalLong period = periods.containing(day);
        if (day.isBefore(start) || period.isEmpty()) {
            return State.NONE;
        }
        long own = period.getAsLong();
        if (kept.contains(own)) {
            return State.KEPT;
        }
        if (running.isPresent() && own == running.getAsLong()) {
            return day.isAfter(today) ? State.PLANNED : State.RUNNING;
        }
        return day.isAfter(today) ? State.PLANNED : State.MISSED;
    }

    /** Every cell, week by week. */
    public List<Cell> cells() {
        return weeks.stream().flatMap(week -> week.days().stream()).toList();
    }
}

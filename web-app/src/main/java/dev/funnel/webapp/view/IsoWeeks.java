package dev.funnel.webapp.view;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** The range the Harvest and Funnel pages show unless asked for another: the last twelve ISO weeks up to today. */
public record IsoWeeks(String from, String to) {

    public static final int DEFAULT_WEEKS = 12;

    /** From the Monday {@code weeks - 1} weeks before today's week to today, the running week included. */
    public static IsoWeeks last(int weeks, LocalDate today) {
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(weeks - 1L);
        return new IsoWeeks(monday.toString(), today.toString());
    }

    /**
     * The range as typed, each bound the default one when not given at all or left empty; what is typed goes to the
     * API unchanged, so that its own words say what is wrong with it.
     */
    public IsoWeeks orTyped(String typedFrom, String typedTo) {
        return new IsoWeeks(blank(typedFrom) ? from : typedFrom.strip(), blank(typedTo) ? to : typedTo.strip());
    }

    private static boolean blank(String typed) {
        return typed == null || typed.isBlank();
    }
}

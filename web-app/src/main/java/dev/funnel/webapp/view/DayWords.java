package dev.funnel.webapp.view;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Days as people read them on the Today and Garden pages; the ids and data- attributes keep YYYY-MM-DD. */
public final class DayWords {

    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    private DayWords() {
    }

    /** {@code Fri 27 Nov}. */
    public static String shortly(LocalDate day) {
        return day.format(SHORT);
    }

    /** {@code 27 Nov}. */
    public static String dayMonth(LocalDate day) {
        return day.format(DAY_MONTH);
    }

    /** {@code Friday 27 November 2026}. */
    public static String fully(LocalDate day) {
        return day.format(LONG);
    }
}

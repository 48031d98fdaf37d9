package dev.funnel.analytics.api;

import dev.funnel.analytics.funnel.Cohort;
import dev.funnel.analytics.funnel.Grouping;
import dev.funnel.analytics.insights.DateRange;
import dev.funnel.events.ProspectSource;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The query parameters every funnel endpoint shares, parsed here rather than by JAX-RS: a parameter JAX-RS cannot
 * convert gives a 404, while a client who typed a bad date or an unknown source deserves a 400 naming it.
 */
final class CohortParameters {

    /** The longest range a question may span: beyond it the answer is slow and rarely what was meant. */
    static final int MAX_YEARS = 5;
    /**
     * The days a question may name. Java reads dates up to the year 999999999 and PostgreSQL's timestamps stop in
     * the year 294276, so a range's arithmetic or its query would fail on such a date; nothing the producers
     * accept happens before 2000 or after 9999 either.
     */
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    private static final Pattern TECHNIQUE = Pattern.compile("[a-z0-9-]{2,40}");
    private static final Pattern OWNER = Pattern.compile("[a-z0-9._-]{1,40}");

    private CohortParameters() {
    }

    static Cohort cohort(String from, String to, String source, String technique, String owner) {
        QueryProblems problems = new QueryProblems();
        Cohort cohort = cohort(problems, from, to, source, technique, owner);
        problems.throwIfAny();
        return cohort;
    }

    static Cohort cohort(QueryProblems problems, String from, String to, String source, String technique,
            String owner) {
        DateRange range = range(problems, from, to);
        ProspectSource sourceValue = enumValue(problems, "source", source, ProspectSource.class,
                names(ProspectSource.class));
        String techniqueValue = matching(problems, "technique", technique, TECHNIQUE);
        String ownerValue = matching(problems, "owner", owner, OWNER);
        if (problems.has("from") || problems.has("to") || problems.has("source") || problems.has("technique")
                || problems.has("owner")) {
            return null;
        }
        return new Cohort(range.from(), range.to(), sourceValue, techniqueValue, ownerValue);
    }

    /**
     * {@code from} and {@code to}, both required, {@code to} not before {@code from}, spanning at most
     * {@value #MAX_YEARS} years; null when either is invalid, each problem added.
     */
    static DateRange range(QueryProblems problems, String from, String to) {
        LocalDate fromDate = date(problems, "from", from);
        LocalDate toDate = date(problems, "to", to);
        if (fromDate == null || toDate == null) {
            return null;
        }
        if (toDate.isBefore(fromDate)) {
            problems.add("to", "must not be before from (" + fromDate + ")");
            return null;
        }
        if (!toDate.isBefore(fromDate.plusYears(MAX_YEARS))) {
            problems.add("to", "the range may span at most " + MAX_YEARS + " years: to must be before "
                    + fromDate.plusYears(MAX_YEARS));
            return null;
        }
        return new DateRange(fromDate, toDate);
    }

    static Grouping grouping(QueryProblems problems, String by) {
        if (by == null || by.isBlank()) {
            problems.add("by", "is required: one of " + names(Grouping.class).toLowerCase(Locale.ROOT));
            return null;
        }
        return enumValue(problems, "by", by, Grouping.class, names(Grouping.class).toLowerCase(Locale.ROOT));
    }

    private static LocalDate date(QueryProblems problems, String name, String value) {
        if (value == null || value.isBlank()) {
            problems.add(name, "is required: a date as YYYY-MM-DD");
            return null;
        }
        return optionalDate(problems, name, value, null);
    }

    /** The date, or {@code absent} when the parameter is not given; null when it is invalid, the problem added. */
    static LocalDate optionalDate(QueryProblems problems, String name, String value, LocalDate absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(name, "must be a date as YYYY-MM-DD but was '" + shown(value) + "'");
            return null;
        }
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            problems.add(name, "must be a date from " + EARLIEST + " to " + LATEST + " but was '" + shown(value)
                    + "'");
            return null;
        }
        return date;
    }

    /**
     * Enum values are accepted in any case: {@code by=week} and {@code source=MARKETING} alike. Only whitespace
     * around them is ignored: {@code trim()} would also drop a NUL or another control character.
     */
    private static <E extends Enum<E>> E enumValue(QueryProblems problems, String name, String value,
            Class<E> type, String allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(name, "must be one of " + allowed + " but was '" + shown(value) + "'");
            return null;
        }
    }

    private static String matching(QueryProblems problems, String name, String value, Pattern pattern) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!pattern.matcher(value).matches()) {
            problems.add(name, "must match " + pattern.pattern() + " but was '" + shown(value) + "'");
            return null;
        }
        return value;
    }

    private static <E extends Enum<E>> String names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }

    static String shown(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "..." : value;
    }
}

package dev.funnel.analytics.api;

import dev.funnel.analytics.funnel.Cohort;
import dev.funnel.analytics.funnel.Grouping;
import dev.funnel.analytics.insights.DateRange;
import dev.funnel.events.ProspectSource;
import dev.funnel.web.QueryParameters;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The query parameters every funnel endpoint shares, read with the platform's {@link QueryParameters} so that one
 * 400 names every invalid one.
 */
final class CohortParameters {

    /** The longest range a question may span: beyond it the answer is slow and rarely what was meant. */
    static final int MAX_YEARS = 5;

    private CohortParameters() {
    }

    /** The cohort, or null when a parameter is invalid (each problem recorded). */
    static Cohort cohort(QueryParameters parameters, String from, String to, String source, String technique,
            String owner) {
        DateRange range = range(parameters, from, to);
        ProspectSource sourceValue = parameters.constantInAnyCase("source", source, ProspectSource.class)
                .orElse(null);
        String techniqueValue = parameters.techniqueSlug("technique", technique).orElse(null);
        String ownerValue = parameters.owner("owner", owner).orElse(null);
        return range == null ? null : new Cohort(range.from(), range.to(), sourceValue, techniqueValue, ownerValue);
    }

    /**
     * {@code from} and {@code to}, both required, {@code to} not before {@code from}, spanning at most
     * {@value #MAX_YEARS} years; null when either is invalid, each problem recorded.
     */
    static DateRange range(QueryParameters parameters, String from, String to) {
        LocalDate fromDate = requiredDate(parameters, "from", from);
        LocalDate toDate = requiredDate(parameters, "to", to);
        if (fromDate == null || toDate == null) {
            return null;
        }
        if (toDate.isBefore(fromDate)) {
            parameters.invalid("to", "must not be before from (" + fromDate + ")");
            return null;
        }
        if (!toDate.isBefore(fromDate.plusYears(MAX_YEARS))) {
            parameters.invalid("to", "the range may span at most " + MAX_YEARS + " years: to must be before "
                    + fromDate.plusYears(MAX_YEARS));
            return null;
        }
        return new DateRange(fromDate, toDate);
    }

    /** {@code by}, required: what to break the funnel down by, in any case ({@code by=week}). */
    static Grouping grouping(QueryParameters parameters, String by) {
        if (by == null || by.isBlank()) {
            parameters.invalid("by", "is required: one of " + Arrays.stream(Grouping.values())
                    .map(g -> g.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
            return null;
        }
        return parameters.constantInAnyCase("by", by, Grouping.class).orElse(null);
    }

    private static LocalDate requiredDate(QueryParameters parameters, String name, String value) {
        if (value == null || value.isBlank()) {
            parameters.invalid(name, "is required: a date as YYYY-MM-DD");
            return null;
        }
        return parameters.date(name, value).orElse(null);
    }
}

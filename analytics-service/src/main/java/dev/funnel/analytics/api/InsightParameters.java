package dev.funnel.analytics.api;

import dev.funnel.web.QueryParameters;
import java.time.Clock;
import java.time.LocalDate;
import java.util.regex.Pattern;

/** The query parameters only the insights take; the range is the funnel's ({@link CohortParameters#range}). */
final class InsightParameters {

    /** A week's effort keeps 70% of its strength into the next one unless asked otherwise. */
    static final double DEFAULT_THETA = 0.7;
    /**
     * A decimal number, as a client writes one. {@code Double.parseDouble} alone would also read hexadecimal
     * ({@code 0x1p-3}), Java's type suffixes ({@code 0.5d}) and strip control characters such as a NUL.
     */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    /** Won within a month of being found, unless asked otherwise. */
    static final int DEFAULT_WINDOW_DAYS = 30;
    /** Ten years: longer than any range may span, so every won prospect can fall inside. */
    static final int MAX_WINDOW_DAYS = 3_650;

    private InsightParameters() {
    }

    /** {@code asOf}, the day the question is asked: a date, today (UTC) when absent. */
    static LocalDate asOf(QueryParameters parameters, String value, Clock clock) {
        return parameters.date("asOf", value).orElseGet(() -> LocalDate.now(clock));
    }

    /** {@code theta}, the adstock carry-over: a number in [0, 1), {@value #DEFAULT_THETA} when absent. */
    static double theta(QueryParameters parameters, String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_THETA;
        }
        String number = value.strip();
        // A huge exponent reads as infinity, refused below; a tiny one as 0, which is what it is to a double.
        double theta = DECIMAL.matcher(number).matches() ? Double.parseDouble(number) : Double.NaN;
        // NaN fails both comparisons; 1 would let every week's effort carry over forever, undamped.
        if (!(theta >= 0 && theta < 1)) {
            parameters.invalid("theta", "must be a number from 0 to less than 1 but was "
                    + QueryParameters.shown(value));
            return DEFAULT_THETA;
        }
        return theta + 0.0; // -0 is 0
    }

    /** {@code window}, the conversion window: 1 to {@value #MAX_WINDOW_DAYS} days, 30 when absent. */
    static int window(QueryParameters parameters, String value) {
        return parameters.integer("window", value, DEFAULT_WINDOW_DAYS, 1, MAX_WINDOW_DAYS);
    }
}

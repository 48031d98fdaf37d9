package dev.funnel.web;

import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Calendar months as people and the events write them, {@code 2026-12}: four digits of year from 2000, two of
 * month. {@link YearMonth#parse} alone would also take {@code +2026-12} and years of five digits, which no event
 * carries ({@code SalesQuotaSet}'s month pattern).
 */
public final class Months {

    /** The rule in words, for a problem's message. */
    public static final String RULE = "must be a month as YYYY-MM from 2000-01 to 9999-12";

    private static final Pattern FORM = Pattern.compile("[2-9][0-9]{3}-(0[1-9]|1[0-2])");

    private Months() {
    }

    /** @return the month, or empty when the text is not one in the form and range above (null included) */
    public static Optional<YearMonth> parse(String text) {
        if (text == null || !FORM.matcher(text.strip()).matches()) {
            return Optional.empty();
        }
        return Optional.of(YearMonth.parse(text.strip()));
    }
}

package dev.funnel.webapp.view;

import java.math.BigDecimal;
import java.util.Locale;

/** The APIs' ratios and fractional days, which are null when undefined, as people read them. */
public final class Ratio {

    public static final String NONE = "\u2013";

    private Ratio() {
    }

    /** A share as a whole percentage, or a dash when the API says it is undefined (a zero denominator). */
    public static String percent(Double share) {
        return share == null ? NONE : Percent.of(share);
    }

    /** The exact value for a {@code data-} attribute: as the API wrote it, empty when null. */
    public static String exact(Double value) {
        return value == null ? "" : value.toString();
    }

    /** Days (or minutes) such as 14.0 or 1.5 as "14" and "1.5", at most one decimal; a dash when null. */
    public static String days(Double days) {
        if (days == null) {
            return NONE;
        }
        return BigDecimal.valueOf(Math.round(days * 10) / 10.0).stripTrailingZeros().toPlainString();
    }

    /** A correlation with two decimals ("0.86", "-0.30"), or a dash when undefined. */
    public static String correlation(Double r) {
        return r == null ? NONE : String.format(Locale.ROOT, "%.2f", r);
    }
}

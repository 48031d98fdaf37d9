package dev.funnel.webapp.view;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.regex.Pattern;

/**
 * Amounts as people type them ("12.50", "12,50", "12") turned into the minor units the APIs take (1250 cents).
 * Only what is unambiguous is read: one decimal separator, no thousands separators, no more decimals than the
 * currency has, so that "1,250" is never silently 1.25.
 */
public final class Amounts {

    private static final Pattern AMOUNT = Pattern.compile("\\d+([.,]\\d+)?|[.,]\\d+");

    private Amounts() {
    }

    /** Refused input, in words for the person, to be shown next to the field. */
    public static final class NotAnAmount extends Exception {
        NotAnAmount(String message) {
            super(message);
        }
    }

    /**
     * The amount in the currency's minor units, or null when nothing was typed.
     *
     * @throws NotAnAmount when the text is no amount of that currency
     */
    public static Long minorUnits(String typed, Currency currency) throws NotAnAmount {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String text = typed.strip();
        if (text.startsWith("-")) {
            throw new NotAnAmount("must not be negative");
        }
        int decimals = Math.max(currency.getDefaultFractionDigits(), 0);
        if (!AMOUNT.matcher(text).matches()) {
            throw new NotAnAmount("must be an amount such as " + example(decimals) + ", without thousands separators");
        }
        BigDecimal amount = new BigDecimal(text.replace(',', '.'));
        if (amount.scale() > decimals) {
            throw new NotAnAmount(decimals == 0 ? "must be a whole amount of " + currency.getCurrencyCode()
                    : "must have at most " + decimals + " decimals in " + currency.getCurrencyCode());
        }
        try {
            return amount.movePointRight(decimals).longValueExact();
        } catch (ArithmeticException tooLarge) {
            throw new NotAnAmount("is too large");
        }
    }

    private static String example(int decimals) {
        return decimals == 0 ? "12" : BigDecimal.valueOf(125, 1).setScale(decimals).toPlainString();
    }
}

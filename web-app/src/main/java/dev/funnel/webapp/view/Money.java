package dev.funnel.webapp.view;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Amounts as the APIs give them, exact minor units (sums may exceed a long), said in the currency's units the same
 * way on every page: {@code 150000 USD} is "USD 1,500.00" to read and "1500.00" to type again (a form reads what
 * {@link Amounts} reads: no thousands separator). Sums per currency are never added across currencies.
 */
public final class Money {

    private Money() {
    }

    /** "EUR 25.00, USD 10.00"; "none" without any currency. */
    public static String words(Map<String, BigInteger> minorByCurrency) {
        if (minorByCurrency == null || minorByCurrency.isEmpty()) {
            return "none";
        }
        return minorByCurrency.entrySet().stream().map(entry -> of(entry.getKey(), entry.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** One amount, as {@link #of(String, BigInteger)}. */
    public static String words(long minor, String currency) {
        return of(currency, BigInteger.valueOf(minor));
    }

    /** One amount in its currency's units; a code Java does not know is shown in minor units, as given. */
    public static String of(String currency, BigInteger minor) {
        int decimals = decimals(currency);
        if (decimals < 0) {
            return currency + " " + minor + " (minor units)";
        }
        return currency.toUpperCase(Locale.ROOT) + " " + grouped(decimals).format(new BigDecimal(minor, decimals));
    }

    /** To type: "15000.00", the amount in units as a form takes it back. */
    public static String typed(long minor, String currency) {
        return BigDecimal.valueOf(minor, Math.max(decimals(currency), 0)).toPlainString();
    }

    /** A per-result cost (a double of minor units, as the API divides it): rounded to the currency's cents. */
    public static String perResult(Map<String, Double> minorByCurrency) {
        if (minorByCurrency == null || minorByCurrency.isEmpty()) {
            return "none";
        }
        return minorByCurrency.entrySet().stream().map(entry -> {
            int decimals = Math.max(decimals(entry.getKey()), 0);
            BigDecimal units = BigDecimal.valueOf(entry.getValue()).movePointLeft(decimals)
                    .setScale(decimals, RoundingMode.HALF_UP);
            return entry.getKey() + " " + grouped(decimals).format(units);
        }).collect(Collectors.joining(", "));
    }

    /** The exact figures for a {@code data-} attribute: {@code EUR:2500 USD:1000}, in the API's order. */
    public static String exact(Map<String, ? extends Number> minorByCurrency) {
        if (minorByCurrency == null) {
            return "";
        }
        return minorByCurrency.entrySet().stream().map(entry -> entry.getKey() + ":" + entry.getValue())
                .collect(Collectors.joining(" "));
    }

    private static DecimalFormat grouped(int decimals) {
        DecimalFormat format = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format;
    }

    private static int decimals(String currency) {
        try {
            return Currency.getInstance(currency.toUpperCase(Locale.ROOT)).getDefaultFractionDigits();
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return -1;
        }
    }
}

package dev.funnel.webapp.view;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;

/**
 * Amounts the APIs give in minor units, said to people in the currency's units: 1500000 USD is "15,000.00 USD" to
 * read, and "15000.00" to type again (the form reads what {@link Amounts} reads, so no thousands separator).
 */
public final class Money {

    private Money() {
    }

    /** To read: "15,000.00 USD"; a currency Java does not know is shown in its minor units, with its code. */
    public static String words(long minor, String currencyCode) {
        Currency currency = currency(currencyCode);
        if (currency == null) {
            return minor + " " + (currencyCode == null ? "" : currencyCode);
        }
        int decimals = Math.max(currency.getDefaultFractionDigits(), 0);
        DecimalFormat format = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(BigDecimal.valueOf(minor, decimals)) + " " + currency.getCurrencyCode();
    }

    /** To type: "15000.00", the amount in units as a form takes it back. */
    public static String typed(long minor, String currencyCode) {
        Currency currency = currency(currencyCode);
        int decimals = currency == null ? 0 : Math.max(currency.getDefaultFractionDigits(), 0);
        return BigDecimal.valueOf(minor, decimals).toPlainString();
    }

    static Currency currency(String code) {
        if (code == null) {
            return null;
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}

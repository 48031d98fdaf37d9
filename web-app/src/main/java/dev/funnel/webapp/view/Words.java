package dev.funnel.webapp.view;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

/** How the pages say the APIs' codes and instants to people ({@code {category.label}}, {@code {at.day}}). */
@TemplateExtension
public final class Words {

    private Words() {
    }

    /** An API code in words: {@code NO_DECISION} is "No decision", {@code PRICE} is "Price". */
    public static String label(String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        String words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The UTC day of an instant, as the APIs count days: {@code 2026-03-02}. */
    public static String day(Instant at) {
        return at == null ? "" : at.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }
}

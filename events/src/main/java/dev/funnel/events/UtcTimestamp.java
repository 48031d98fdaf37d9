package dev.funnel.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;

/**
 * Reads, cheaply, the one form of a time that every producer of the contract writes ({@link Instant#toString}):
 * {@code 2026-11-26T10:15:30Z}, or with 1 to 9 digits of a second's fraction, {@code 2026-11-26T08:02:11.250Z}.
 *
 * <p>Why by hand: java.time's general parsers ({@code DateTimeFormatter.ISO_INSTANT}, {@code ISO_OFFSET_DATE_TIME})
 * and the regular expression in front of them cost microseconds per value, and a consumer reads two or three times
 * per record, on every record; this costs a few dozen nanoseconds. It is only a shortcut: what it reads, those
 * parsers read as the same instant, and whatever it does not read (another offset, a leap second, {@code 24:00},
 * an impossible day, anything else) is left to them, so what is accepted or refused, and the words of a refusal,
 * stay theirs. {@code UtcTimestampTest} holds the two to each other.
 */
final class UtcTimestamp {

    private static final int SHORTEST = "2026-11-26T10:15:30Z".length();
    private static final int LONGEST = "2026-11-26T10:15:30.123456789Z".length();
    private static final int FRACTION_START = 20;
    private static final int SECONDS_PER_DAY = 86_400;
    private static final int[] NANOS_PER_DIGIT = {100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100,
        10, 1};

    private UtcTimestamp() {
    }

    /**
     * @param text a time as a producer wrote it, may be null
     * @return the instant, or null when the text is not exactly in the form above with a real day and a time from
     *     00:00:00 to 23:59:59 (the caller then asks java.time)
     */
    static Instant parseOrNull(String text) {
        int length = text == null ? 0 : text.length();
        if (length < SHORTEST || length > LONGEST || length == SHORTEST + 1 || text.charAt(length - 1) != 'Z'
                || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (length > SHORTEST) {
            int fractionDigits = length - FRACTION_START - 1;
            int fraction = digits(text, FRACTION_START, fractionDigits);
            if (text.charAt(FRACTION_START - 1) != '.' || fraction < 0) {
                return null;
            }
            nanos = fraction * NANOS_PER_DIGIT[fractionDigits - 1];
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The number the ASCII digits at {@code from} make, or -1 if any is no digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}

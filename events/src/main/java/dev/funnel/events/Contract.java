package dev.funnel.events;

import java.util.regex.Pattern;

/**
 * The field rules of the event contract, shared by every record's compact constructor.
 *
 * <p>The patterns and bounds mirror the JSON Schemas under {@code schemas/}; the schema tests keep the two in step.
 */
final class Contract {

    static final Pattern TECHNIQUE = Pattern.compile(ContractFormats.TECHNIQUE_SLUG);
    static final Pattern OWNER = Pattern.compile(ContractFormats.OWNER);
    static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    /** Long enough to recognise a bad value in a dead-letter reason, short enough to keep it one line. */
    private static final int MAX_QUOTED_LENGTH = 60;

    private Contract() {
    }

    static <T> T require(String field, T value) {
        if (value == null) {
            throw new EventContractException(field, field + ": is required");
        }
        return value;
    }

    static String require(String field, String value, Pattern pattern) {
        require(field, value);
        if (!pattern.matcher(value).matches()) {
            throw new EventContractException(field,
                    field + ": must match " + pattern.pattern() + " but was " + quote(value));
        }
        return value;
    }

    /** Counts code points, not UTF-16 units, as JSON Schema's {@code minLength}/{@code maxLength} do. */
    static String requireLength(String field, String value, int min, int max) {
        require(field, value);
        int length = value.codePointCount(0, value.length());
        if (length < min || length > max) {
            throw new EventContractException(field,
                    field + ": must be " + min + " to " + max + " characters long but was " + length);
        }
        return value;
    }

    static long requireBetween(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new EventContractException(field, field + ": must be between " + min + " and " + max
                    + " but was " + value);
        }
        return value;
    }

    static long requireAtLeast(String field, long value, long min) {
        if (value < min) {
            throw new EventContractException(field, field + ": must be at least " + min + " but was " + value);
        }
        return value;
    }

    static void requireAbsent(String field, Object value, String because) {
        if (value != null) {
            throw new EventContractException(field, field + ": must be absent " + because);
        }
    }

    private static String quote(String value) {
        String shown = value.length() > MAX_QUOTED_LENGTH ? value.substring(0, MAX_QUOTED_LENGTH) + "..." : value;
        return "'" + shown + "'";
    }
}

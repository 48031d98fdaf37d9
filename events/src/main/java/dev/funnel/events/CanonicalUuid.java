package dev.funnel.events;

import java.util.Optional;
import java.util.UUID;

/**
 * Ids of the contract are UUIDs in their canonical form only: 36 characters, hexadecimal digits in groups of 8, 4,
 * 4, 4 and 12. {@link UUID#fromString} also reads shortened forms ({@code 1-1-1-1-1} is
 * {@code 00000001-0001-0001-0001-000000000001}) and Jackson also reads Base64, so two texts would name one id.
 */
public final class CanonicalUuid {

    private static final int LENGTH = 36;

    private CanonicalUuid() {
    }

    /**
     * @param text the text to read, may be null
     * @return the UUID it is in canonical form, or empty when it is none
     */
    public static Optional<UUID> parse(String text) {
        return isCanonical(text) ? Optional.of(UUID.fromString(text)) : Optional.empty();
    }

    /**
     * The pattern {@code [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}, checked a
     * character at a time rather than by a regular expression: every consumer checks an id or two on every record.
     */
    private static boolean isCanonical(String text) {
        if (text == null || text.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = text.charAt(i);
            boolean expected = i == 8 || i == 13 || i == 18 || i == 23 ? c == '-'
                    : c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
            if (!expected) {
                return false;
            }
        }
        return true;
    }
}

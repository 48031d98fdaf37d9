package dev.funnel.events;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Ids of the contract are UUIDs in their canonical form only: 36 characters, hexadecimal digits in groups of 8, 4,
 * 4, 4 and 12. {@link UUID#fromString} also reads shortened forms ({@code 1-1-1-1-1} is
 * {@code 00000001-0001-0001-0001-000000000001}) and Jackson also reads Base64, so two texts would name one id.
 */
public final class CanonicalUuid {

    private static final Pattern CANONICAL = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private CanonicalUuid() {
    }

    /**
     * @param text the text to read, may be null
     * @return the UUID it is in canonical form, or empty when it is none
     */
    public static Optional<UUID> parse(String text) {
        return text != null && CANONICAL.matcher(text).matches() ? Optional.of(UUID.fromString(text))
                : Optional.empty();
    }
}

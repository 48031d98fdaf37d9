package dev.funnel.webapp.view;

import java.util.Optional;
import java.util.UUID;

/**
 * The ids forms carry: each new thing's id is made when its form is shown, so a form sent twice (a double click,
 * a retry after a timeout) is recorded once by the service's idempotent create; and ids in paths name prospects
 * and objections. Anything that is not a canonical UUID names nothing.
 */
public final class FormIds {

    private static final int CANONICAL_LENGTH = 36;

    private FormIds() {
    }

    public static Optional<UUID> parse(String text) {
        // UUID.fromString accepts shortened forms ("1-2-3-4-5"); only the canonical one is an id a page made.
        if (text == null || text.length() != CANONICAL_LENGTH) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}

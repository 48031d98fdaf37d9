package dev.funnel.prospect.domain;

import dev.funnel.events.ProspectSource;
import java.time.Instant;

/**
 * A new prospect as a client described it, validated, with defaults applied except {@code foundAt},
 * which is null when the client left it to the server.
 */
public record ProspectDraft(
        ContactDetails contact,
        ProspectSource source,
        String technique,
        String owner,
        long estimatedValueMinor,
        String currency,
        Instant foundAt) {
}

package dev.funnel.prospect.domain;

import dev.funnel.events.ProspectSource;
import java.time.Instant;

/**
 * A new prospect as a client described it, validated, with defaults applied except {@code foundAt},
 * which is null when the client left it to the server, and {@code owner}, null until the service knows whose
 * it is (a seller who leaves it out registers the prospect for themselves).
 */
public record ProspectDraft(
        ContactDetails contact,
        ProspectSource source,
        String technique,
        String owner,
        long estimatedValueMinor,
        String currency,
        Instant foundAt) {

    public ProspectDraft withOwner(String newOwner) {
        return new ProspectDraft(contact, source, technique, newOwner, estimatedValueMinor, currency, foundAt);
    }
}

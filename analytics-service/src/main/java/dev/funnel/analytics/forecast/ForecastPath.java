package dev.funnel.analytics.forecast;

import dev.funnel.events.ProspectSource;
import java.time.Instant;
import java.util.UUID;

/**
 * One prospect's steps and amounts as the read model holds them, to be read as of any moment: a step after the
 * moment is not known yet. The same rules as the pipeline insights' paths: WON and LOST are final, and should both
 * arrive the later one counts.
 *
 * @param technique null for a hunted prospect
 * @param estimatedValueMinor what it was estimated to be worth when found, in {@code estimatedCurrency}
 * @param wonValueMinor what it was won for, in {@code wonCurrency}; null unless won
 */
record ForecastPath(UUID prospectId, ProspectSource source, String technique, String owner,
        Long estimatedValueMinor, String estimatedCurrency, Instant foundAt, Instant contactedAt, Instant wonAt,
        Long wonValueMinor, String wonCurrency, Instant lostAt) {

    boolean foundBy(Instant moment) {
        return foundAt.isBefore(moment);
    }

    boolean wonBy(Instant moment) {
        return wonAt != null && !wonAt.isAfter(moment) && (lostAt == null || !wonAt.isBefore(lostAt)
                || lostAt.isAfter(moment));
    }

    boolean lostBy(Instant moment) {
        return lostAt != null && !lostAt.isAfter(moment) && !wonBy(moment);
    }

    /** Neither won nor lost by the moment. */
    boolean openAt(Instant moment) {
        return !wonBy(moment) && !lostBy(moment);
    }

    boolean contactedBy(Instant moment) {
        return contactedAt != null && !contactedAt.isAfter(moment);
    }
}

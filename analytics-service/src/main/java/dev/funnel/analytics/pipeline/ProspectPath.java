package dev.funnel.analytics.pipeline;

import dev.funnel.events.ProspectSource;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One prospect's steps as the read model holds them: when it was found, first contacted, won or lost. A step is
 * null until its event was applied.
 *
 * @param technique null for a hunted prospect
 * @param lostReason the reason it was lost, as {@code ProspectLost} said; null unless lost
 */
record ProspectPath(UUID prospectId, ProspectSource source, String technique, String owner, Instant foundAt,
        Instant contactedAt, Instant wonAt, Instant lostAt, String lostReason) {

    private static final double MICROS_PER_DAY = 86_400_000_000.0;

    /** Whether it was won as of the moment: WON and LOST are final, and the later of the two counts. */
    boolean wonBy(Instant moment) {
        return wonAt != null && !wonAt.isAfter(moment) && (lostAt == null || !wonAt.isBefore(lostAt)
                || lostAt.isAfter(moment));
    }

    /** Whether it was lost as of the moment. */
    boolean lostBy(Instant moment) {
        return lostAt != null && !lostAt.isAfter(moment) && !wonBy(moment);
    }

    boolean contactedBy(Instant moment) {
        return contactedAt != null && !contactedAt.isAfter(moment);
    }

    /** The moment it left the stage CONTACTED (won or lost), or null while it has not by the moment. */
    Instant decidedAt(Instant moment) {
        return wonBy(moment) ? wonAt : lostBy(moment) ? lostAt : null;
    }

    /** Days from one instant to the other, to the microsecond the database keeps. */
    static double days(Instant from, Instant to) {
        Duration between = Duration.between(from, to);
        return (between.getSeconds() * 1_000_000L + between.getNano() / 1_000) / MICROS_PER_DAY;
    }
}

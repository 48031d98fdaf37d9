package dev.funnel.analytics.projection;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.UUID;

/**
 * When an event happened and its id: the total order that decides which event's values a fact keeps when
 * two events write the same columns.
 *
 * <p>It must order exactly as PostgreSQL orders the stored {@code (timestamptz, uuid)} pair, because a batch
 * is merged here first and then against the stored row in SQL. Hence the time is cut to microseconds, what
 * {@code timestamptz} keeps, and ids compare as their lowercase text, which is PostgreSQL's byte order for
 * {@code uuid} ({@link UUID#compareTo} compares signed numbers and disagrees).
 *
 * @param at the event's time, to the microsecond
 * @param eventId the event's {@code ce_id}
 */
record Stamp(Instant at, UUID eventId) implements Comparable<Stamp> {

    private static final Comparator<Stamp> ORDER = Comparator.comparing(Stamp::at)
            .thenComparing(stamp -> stamp.eventId().toString());

    static Stamp of(Instant at, UUID eventId) {
        return new Stamp(micros(at), eventId);
    }

    static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public int compareTo(Stamp other) {
        return ORDER.compare(this, other);
    }

    /** The earlier of two stamped values; either may be null. */
    static <T extends Stamped> T earliest(T current, T candidate) {
        if (current == null) {
            return candidate;
        }
        if (candidate == null) {
            return current;
        }
        return candidate.stamp().compareTo(current.stamp()) < 0 ? candidate : current;
    }

    /** The later of two stamped values; either may be null. */
    static <T extends Stamped> T latest(T current, T candidate) {
        if (current == null) {
            return candidate;
        }
        if (candidate == null) {
            return current;
        }
        return candidate.stamp().compareTo(current.stamp()) > 0 ? candidate : current;
    }

    /** A group of fact columns written by one event. */
    interface Stamped {
        Stamp stamp();
    }
}

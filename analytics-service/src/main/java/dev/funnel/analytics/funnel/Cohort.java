package dev.funnel.analytics.funnel;

import dev.funnel.events.ProspectSource;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The prospects found (UTC date of {@code foundAt}) in [from, to], both inclusive, optionally only those of one
 * source, technique and owner; and the range of days over which effort is counted.
 *
 * @param from first day
 * @param to last day, not before {@code from}
 * @param source only prospects of this source, or null for both
 * @param technique only prospects brought by this technique (and only its effort), or null
 * @param owner only prospects of this owner (the seller of {@code ProspectFound}), or null
 */
public record Cohort(LocalDate from, LocalDate to, ProspectSource source, String technique, String owner) {

    public Cohort {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to " + to + " is before from " + from);
        }
    }

    /** The first instant of the range. */
    OffsetDateTime start() {
        return from.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    /** The first instant after the range. */
    OffsetDateTime end() {
        return to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
    }
}

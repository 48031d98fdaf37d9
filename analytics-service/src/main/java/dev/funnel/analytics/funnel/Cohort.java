package dev.funnel.analytics.funnel;

import dev.funnel.analytics.insights.DateRange;
import dev.funnel.events.ProspectSource;
import java.time.LocalDate;
import java.time.OffsetDateTime;

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
        new DateRange(from, to); // the same rules as any range of days: both given, to not before from
    }

    /** The same cohort over the range of the same length just before: the period to compare with. */
    public Cohort previous() {
        DateRange previous = range().previous();
        return new Cohort(previous.from(), previous.to(), source, technique, owner);
    }

    /** Its days, as a range. */
    public DateRange range() {
        return new DateRange(from, to);
    }

    /** The first instant of the range. */
    OffsetDateTime start() {
        return range().start();
    }

    /** The first instant after the range. */
    OffsetDateTime end() {
        return range().end();
    }
}

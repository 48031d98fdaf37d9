package dev.funnel.analytics;

import dev.funnel.events.FunnelEvent;
import dev.funnel.events.LostReason;
import dev.funnel.events.ObjectionCategory;
import dev.funnel.events.ObjectionRaised;
import dev.funnel.events.ObjectionResolved;
import dev.funnel.events.ProspectContacted;
import dev.funnel.events.ProspectFound;
import dev.funnel.events.ProspectLost;
import dev.funnel.events.ProspectSource;
import dev.funnel.events.ProspectWon;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The pipeline's scenario, its answers worked out by hand in {@code PipelineInsightsTest}. It owns 2013, which no
 * other scenario of the module reaches. Day 0 = Monday 2013-01-07; the range is days 0..13; time in stage is asked
 * as of day 20, that is at day 21 00:00. Every step happens at 00:00 of its day unless an hour is given.
 * <pre>
 * P1  MARKETING seo ana  found d0, contacted d1, PRICE objection never resolved, won d5
 * P2  MARKETING seo ana  found d0, contacted d3, two PRICE objections never resolved, lost d10 PRICE
 * P3  MARKETING ads ben  found d2, contacted d4, TIMING objection resolved, lost d8 NO_DECISION
 * P4  SALES         ben  found d1, contacted d1 12:00, won d3 12:00
 * P5  SALES         ben  found d3, contacted d5, AUTHORITY objection open, PRICE resolved, lost d6 AUTHORITY
 * P6  SALES         ana  found d4, never contacted, PRICE objection open, lost d9 PRICE
 * P7  SALES         ana  found d5, contacted d15, open
 * P8  MARKETING ads ben  found d6, open
 * P9  SALES         ben  found d10, contacted d26 and lost d30 NO_RESPONSE, both after the day asked about
 * P10 MARKETING seo ana  found d12, contacted d13, won d50 (after the day asked about)
 * P11 SALES         ben  found d13, contacted d14, won d44 (after the day asked about)
 * P14 MARKETING seo ben  found d11, contacted d40 (after the day asked about)
 * outside the range: a SALES prospect of ana's found d14 and lost PRICE, one found d-1 and lost TIMING
 * </pre>
 */
final class PipelineScenario {

    static final LocalDate DAY0 = LocalDate.of(2013, 1, 7);
    static final String ANA = "ana";
    static final String BEN = "ben";
    static final String SEO = "pipeline-seo";
    static final String ADS = "pipeline-ads";

    final UUID p8;
    final UUID p9;
    final UUID p10;
    private final List<FunnelEvent> events = new ArrayList<>();

    PipelineScenario() {
        UUID p1 = found(ProspectSource.MARKETING, SEO, ANA, at(0));
        contacted(p1, ANA, at(1));
        raised(p1, ObjectionCategory.PRICE, at(2));
        events.add(new ProspectWon(p1, 50_000, "EUR", at(5)));

        UUID p2 = found(ProspectSource.MARKETING, SEO, ANA, at(0));
        contacted(p2, ANA, at(3));
        raised(p2, ObjectionCategory.PRICE, at(4));
        raised(p2, ObjectionCategory.PRICE, at(5));
        lost(p2, LostReason.PRICE, at(10));

        UUID p3 = found(ProspectSource.MARKETING, ADS, BEN, at(2));
        contacted(p3, BEN, at(4));
        resolved(raised(p3, ObjectionCategory.TIMING, at(5)), p3, at(5).plusSeconds(3_600));
        lost(p3, LostReason.NO_DECISION, at(8));

        UUID p4 = found(ProspectSource.SALES, null, BEN, at(1));
        contacted(p4, BEN, at(1).plusSeconds(12 * 3_600));
        events.add(new ProspectWon(p4, 20_000, "EUR", at(3).plusSeconds(12 * 3_600)));

        UUID p5 = found(ProspectSource.SALES, null, BEN, at(3));
        contacted(p5, BEN, at(5));
        raised(p5, ObjectionCategory.AUTHORITY, at(5));
        resolved(raised(p5, ObjectionCategory.PRICE, at(5)), p5, at(6));
        lost(p5, LostReason.AUTHORITY, at(6));

        UUID p6 = found(ProspectSource.SALES, null, ANA, at(4));
        raised(p6, ObjectionCategory.PRICE, at(5));
        lost(p6, LostReason.PRICE, at(9));

        UUID p7 = found(ProspectSource.SALES, null, ANA, at(5));
        contacted(p7, ANA, at(15));

        p8 = found(ProspectSource.MARKETING, ADS, BEN, at(6));

        p9 = found(ProspectSource.SALES, null, BEN, at(10));
        contacted(p9, BEN, at(26));
        lost(p9, LostReason.NO_RESPONSE, at(30));

        p10 = found(ProspectSource.MARKETING, SEO, ANA, at(12));
        contacted(p10, ANA, at(13));
        events.add(new ProspectWon(p10, 10_000, "EUR", at(50)));

        UUID p11 = found(ProspectSource.SALES, null, BEN, at(13));
        contacted(p11, BEN, at(14));
        events.add(new ProspectWon(p11, 10_000, "EUR", at(44)));

        UUID p14 = found(ProspectSource.MARKETING, SEO, BEN, at(11));
        contacted(p14, BEN, at(40));

        lost(found(ProspectSource.SALES, null, ANA, at(14)), LostReason.PRICE, at(15));
        lost(found(ProspectSource.SALES, null, ANA, at(-1)), LostReason.TIMING, at(2));
    }

    static LocalDate day(int day) {
        return DAY0.plusDays(day);
    }

    /** Every event as a record with a fresh ce_id. */
    List<RawEvent> records() {
        return events.stream().map(RawEvent::of).toList();
    }

    private UUID found(ProspectSource source, String technique, String owner, Instant at) {
        UUID prospect = UUID.randomUUID();
        events.add(new ProspectFound(prospect, source, technique, owner, 10_000, "EUR", at));
        return prospect;
    }

    private void contacted(UUID prospect, String by, Instant at) {
        events.add(new ProspectContacted(prospect, by, at));
    }

    private void lost(UUID prospect, LostReason reason, Instant at) {
        events.add(new ProspectLost(prospect, reason, at));
    }

    private UUID raised(UUID prospect, ObjectionCategory category, Instant at) {
        UUID objection = UUID.randomUUID();
        events.add(new ObjectionRaised(objection, prospect, category, at));
        return objection;
    }

    private void resolved(UUID objection, UUID prospect, Instant at) {
        events.add(new ObjectionResolved(objection, prospect, at));
    }

    private static Instant at(int day) {
        return day(day).atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}

package dev.funnel.analytics;

import dev.funnel.events.Cadence;
import dev.funnel.events.FunnelEvent;
import dev.funnel.events.LostReason;
import dev.funnel.events.MarketingActivityLogged;
import dev.funnel.events.MarketingTechniqueDefined;
import dev.funnel.events.ObjectionCategory;
import dev.funnel.events.ObjectionRaised;
import dev.funnel.events.ObjectionResolved;
import dev.funnel.events.ProspectContacted;
import dev.funnel.events.ProspectFound;
import dev.funnel.events.ProspectLost;
import dev.funnel.events.ProspectSource;
import dev.funnel.events.ProspectWon;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The scripted scenario: two weeks of farming and hunting whose figures are computed by hand in
 * {@link ScenarioAnswers}. Each instance lives in a year of its own with its own techniques and sellers, because
 * every test of the module shares one broker, one consumer and one read model.
 *
 * <p>Day 0 is a Monday; the range asked about is days 0 to 13, two ISO weeks. Inside it:
 * <pre>
 * activities  A1 blog d0 30 min 0 EUR, A2 blog d1 45 min 500 EUR, A3 ads d2 60 min 2000 EUR,
 *             A4 blog d7 30 min 0 EUR, A5 ads d8 20 min 1000 USD            (outside: blog d-1, blog d21)
 * P1 MARKETING blog ann  found d0 09:00, contacted d1, PRICE O1 raised d1 resolved d2, won d3 21:00  (3.5 days)
 * P2 MARKETING blog bob  found d1 12:00, contacted d2, TIMING O2 raised d2 (open), lost d5
 * P3 MARKETING ads  ann  found d2 00:00, contacted d3, won d4 00:00                                 (2 days)
 * P4 SALES          bob  found d7 08:00, contacted d7, PRICE O3 and TRUST O4 both resolved, won d15 08:00 (8 days)
 * P5 SALES          ann  found d8, AUTHORITY O5 raised (open), still open
 * P6 SALES          bob  found d9, contacted d9, lost d12 (NO_RESPONSE)
 * P7 MARKETING ads  bob  found d10 00:00, PRICE O6 raised (open), won d11 12:00 without a contact  (1.5 days)
 * outside the cohort: P8 found d14 (won, NEED objection), P9 found d-1 (contacted), P10 only a ProspectWon
 * </pre>
 */
final class FunnelScenario {

    /** One year per scenario, far from anything else the tests write. */
    private static final AtomicInteger NEXT_YEAR = new AtomicInteger(2040);

    final LocalDate day0;
    final String blog;
    final String ads;
    final String ann;
    final String bob;
    private final List<FunnelEvent> events = new ArrayList<>();

    private FunnelScenario(int year) {
        day0 = LocalDate.of(year, 3, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        blog = "blog-" + suffix;
        ads = "ads-" + suffix;
        ann = "ann-" + suffix;
        bob = "bob-" + suffix;
        script();
    }

    static FunnelScenario create() {
        return new FunnelScenario(NEXT_YEAR.getAndIncrement());
    }

    /** A date range no scenario uses, for tests that need an empty or private range. */
    static LocalDate unusedDay() {
        return LocalDate.of(NEXT_YEAR.getAndIncrement(), 6, 1);
    }

    LocalDate from() {
        return day0;
    }

    LocalDate to() {
        return day0.plusDays(13);
    }

    String week(int number) {
        LocalDate day = day0.plusWeeks(number - 1L);
        return String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
                day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The scenario's events in the order they happened, as records; each call gives fresh ce_ids. */
    List<RawEvent> records() {
        return events.stream().map(RawEvent::of).toList();
    }

    private void script() {
        events.add(new MarketingTechniqueDefined(blog, "Blog posts", Cadence.DAILY, at(-10, 9, 0)));
        events.add(new MarketingTechniqueDefined(ads, "Local ads", Cadence.WEEKLY, at(-10, 9, 5)));
        activity(blog, -1, 10, 0, "EUR");
        activity(blog, 0, 30, 0, "EUR");
        activity(blog, 1, 45, 500, "EUR");
        activity(ads, 2, 60, 2000, "EUR");
        activity(blog, 7, 30, 0, "EUR");
        activity(ads, 8, 20, 1000, "USD");
        activity(blog, 21, 15, 300, "EUR");

        UUID p1 = found(ProspectSource.MARKETING, blog, ann, at(0, 9, 0));
        contacted(p1, ann, at(1, 9, 0));
        UUID o1 = raised(p1, ObjectionCategory.PRICE, at(1, 10, 0));
        resolved(o1, p1, at(2, 10, 0));
        won(p1, 12_000, at(3, 21, 0));

        UUID p2 = found(ProspectSource.MARKETING, blog, bob, at(1, 12, 0));
        contacted(p2, bob, at(2, 12, 0));
        raised(p2, ObjectionCategory.TIMING, at(2, 13, 0));
        events.add(new ProspectLost(p2, LostReason.TIMING, at(5, 9, 0)));

        UUID p3 = found(ProspectSource.MARKETING, ads, ann, at(2, 0, 0));
        contacted(p3, ann, at(3, 0, 0));
        won(p3, 5_000, at(4, 0, 0));

        UUID p4 = found(ProspectSource.SALES, null, bob, at(7, 8, 0));
        contacted(p4, bob, at(7, 10, 0));
        UUID o3 = raised(p4, ObjectionCategory.PRICE, at(8, 9, 0));
        resolved(o3, p4, at(9, 9, 0));
        UUID o4 = raised(p4, ObjectionCategory.TRUST, at(9, 10, 0));
        resolved(o4, p4, at(10, 10, 0));
        won(p4, 20_000, at(15, 8, 0));

        UUID p5 = found(ProspectSource.SALES, null, ann, at(8, 11, 0));
        raised(p5, ObjectionCategory.AUTHORITY, at(9, 11, 0));

        UUID p6 = found(ProspectSource.SALES, null, bob, at(9, 9, 0));
        contacted(p6, bob, at(9, 12, 0));
        events.add(new ProspectLost(p6, LostReason.NO_RESPONSE, at(12, 9, 0)));

        UUID p7 = found(ProspectSource.MARKETING, ads, bob, at(10, 0, 0));
        raised(p7, ObjectionCategory.PRICE, at(10, 6, 0));
        won(p7, 7_000, at(11, 12, 0));

        UUID p8 = found(ProspectSource.MARKETING, blog, ann, at(14, 10, 0));
        raised(p8, ObjectionCategory.NEED, at(14, 11, 0));
        won(p8, 3_000, at(16, 10, 0));

        UUID p9 = found(ProspectSource.SALES, null, ann, at(-1, 10, 0));
        contacted(p9, ann, at(0, 10, 0));

        won(UUID.randomUUID(), 1_000, at(5, 10, 0));
    }

    private Instant at(int day, int hour, int minute) {
        return day0.plusDays(day).atTime(hour, minute).toInstant(ZoneOffset.UTC);
    }

    private void activity(String technique, int day, int minutes, long costMinor, String currency) {
        LocalDate performedOn = day0.plusDays(day);
        events.add(new MarketingActivityLogged(UUID.randomUUID(), technique, performedOn, minutes, costMinor,
                currency, performedOn.atTime(18, 0).toInstant(ZoneOffset.UTC)));
    }

    private UUID found(ProspectSource source, String technique, String owner, Instant at) {
        UUID prospect = UUID.randomUUID();
        events.add(new ProspectFound(prospect, source, technique, owner, 10_000, "EUR", at));
        return prospect;
    }

    private void contacted(UUID prospect, String owner, Instant at) {
        events.add(new ProspectContacted(prospect, owner, at));
    }

    private void won(UUID prospect, long valueMinor, Instant at) {
        events.add(new ProspectWon(prospect, valueMinor, "EUR", at));
    }

    private UUID raised(UUID prospect, ObjectionCategory category, Instant at) {
        UUID objection = UUID.randomUUID();
        events.add(new ObjectionRaised(objection, prospect, category, at));
        return objection;
    }

    private void resolved(UUID objection, UUID prospect, Instant at) {
        events.add(new ObjectionResolved(objection, prospect, at));
    }
}

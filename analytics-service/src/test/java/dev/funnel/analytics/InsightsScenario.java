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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The insights' scenario, its answers worked out by hand in {@code InsightsScenarioTest}. It owns the years 2001
 * and 2007, before every other scenario of the module (2040 on), because the typical sprout lag and the list of
 * techniques cover every technique started by {@code asOf}: asked as of a day in 2001, only this scenario's farm
 * exists.
 *
 * <p><b>Farming</b>, day 0 = Monday 2001-01-01 (ISO week 2001-W01), asked as of day 65, Wednesday 2001-03-07:
 * <pre>
 * daily      DAILY     worked days 5..64 but 35 (twice on day 40); prospects days 25, 40, 50     lag 20
 * weekdays   WEEKDAYS  worked every Monday-Friday of days 7..64, and Saturday day 12; prospects 32, 60  lag 25
 * early      DAILY     worked days 0..11, then never again; no prospect
 * abandoned  WEEKLY    worked Mondays 0, 7, 14, 21; prospect day 14, then never worked again       lag 14
 * weekly     WEEKLY    worked Thursdays 52, 59; a prospect on day 70, after the day asked about
 * idle       DAILY     defined on day 20, never worked
 * </pre>
 * <b>Hunting vs farming</b>, day 0 = Monday 2007-01-01, range days 0..13:
 * <pre>
 * M1 MARKETING (seo) found d0 09:00, PRICE objection, won d10 09:00 (10 days), 50000 EUR
 * M2 MARKETING       found d1 12:00, won d15 12:00 (14 days), 30000 EUR
 * M3 MARKETING       found d2, TIMING objection, lost d9
 * M4 MARKETING       found d5, open
 * M5 MARKETING       found d6, won d26 (20 days), 20000 USD
 * S1 SALES           found d0 08:00, contacted, PRICE objection resolved, won d2 08:00 (2 days), 40000 EUR
 * S2 SALES           found d3 10:00, won d4 22:00 (1.5 days), 10000 EUR
 * S3 SALES           found d7, TIMING objection, lost d8
 * S4 SALES           found d8, AUTHORITY objection, lost d12
 * S5 SALES           found d13 12:00, won d18 12:00 (5 days), 25000 EUR
 * seo activities     d0 60 min 1000 EUR, d1 30 min 0 EUR, d3 90 min 2000 EUR, d8 60 min 500 USD
 * outside the range  seo activities d-1 and d14; a SALES prospect found d-1 (won), a MARKETING one found d14
 * </pre>
 * <b>Harvest</b>, weeks 2007-W05 (Monday 2007-01-29) to 2007-W16 (Sunday 2007-04-22), techniques radio and flyers:
 * <pre>
 * week        W05 W06 W07 W08 W09 W10 W11 W12 W13 W14 W15 W16
 * minutes      60   0 120  30  90   0   0 150  30  60   0  90     (W07: radio Mon 60, flyers Tue 60; W09: radio
 * techniques    1   0   2   1   1   0   0   2   1   1   0   2      twice; W12 radio 90 flyers 60; W16 radio Sat 30,
 * prospects     0   1   0   2   0   4   1   3   0   0   5   1      flyers Sun 60)
 * </pre>
 * From W08 on, each week's MARKETING prospects are its effort three weeks earlier / 30, found on Wednesdays. Not
 * counted: a SALES prospect in W07, and an activity and a MARKETING prospect on Monday 2007-04-23.
 */
final class InsightsScenario {

    static final LocalDate FARM_DAY0 = LocalDate.of(2001, 1, 1);
    static final LocalDate HUNT_DAY0 = LocalDate.of(2007, 1, 1);
    static final LocalDate HARVEST_MONDAY = LocalDate.of(2007, 1, 29);
    static final int[] HARVEST_MINUTES = {60, 0, 120, 30, 90, 0, 0, 150, 30, 60, 0, 90};
    static final int[] HARVEST_PROSPECTS = {0, 1, 0, 2, 0, 4, 1, 3, 0, 0, 5, 1};

    final String daily;
    final String weekdays;
    final String early;
    final String abandoned;
    final String weekly;
    final String idle;
    final String seo;
    final String radio;
    final String flyers;
    private final String owner;
    private final List<FunnelEvent> events = new ArrayList<>();

    InsightsScenario() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        daily = "daily-" + suffix;
        weekdays = "weekdays-" + suffix;
        early = "early-" + suffix;
        abandoned = "abandoned-" + suffix;
        weekly = "weekly-" + suffix;
        idle = "idle-" + suffix;
        seo = "seo-" + suffix;
        radio = "radio-" + suffix;
        flyers = "flyers-" + suffix;
        owner = "sam-" + suffix;
        farming();
        hunting();
        harvest();
    }

    static LocalDate farmDay(int day) {
        return FARM_DAY0.plusDays(day);
    }

    static LocalDate huntDay(int day) {
        return HUNT_DAY0.plusDays(day);
    }

    /** The farm's techniques, by slug. */
    List<String> farm() {
        return List.of(abandoned, daily, early, idle, weekdays, weekly);
    }

    /** Every event as a record with a fresh ce_id. */
    List<RawEvent> records() {
        return events.stream().map(RawEvent::of).toList();
    }

    private void farming() {
        Instant defined = farmAt(0, 0);
        define(daily, "Daily posts", Cadence.DAILY, defined);
        define(weekdays, "Weekday calls", Cadence.WEEKDAYS, defined);
        define(early, "Flyers", Cadence.DAILY, defined);
        define(abandoned, "Newsletter", Cadence.WEEKLY, defined);
        define(weekly, "Local radio", Cadence.WEEKLY, defined);
        define(idle, "Podcast", Cadence.DAILY, farmAt(20, 9));

        IntStream.rangeClosed(5, 64).filter(day -> day != 35).forEach(day -> activity(daily, farmDay(day), 20));
        activity(daily, farmDay(40), 15);
        IntStream.rangeClosed(7, 64).filter(day -> day % 7 < 5).forEach(day -> activity(weekdays, farmDay(day), 30));
        activity(weekdays, farmDay(12), 30);
        IntStream.rangeClosed(0, 11).forEach(day -> activity(early, farmDay(day), 25));
        IntStream.of(0, 7, 14, 21).forEach(day -> activity(abandoned, farmDay(day), 60));
        IntStream.of(52, 59).forEach(day -> activity(weekly, farmDay(day), 45));

        IntStream.of(25, 40, 50).forEach(day -> found(ProspectSource.MARKETING, daily, farmAt(day, 10)));
        IntStream.of(32, 60).forEach(day -> found(ProspectSource.MARKETING, weekdays, farmAt(day, 11)));
        found(ProspectSource.MARKETING, abandoned, farmAt(14, 12));
        found(ProspectSource.MARKETING, weekly, farmAt(70, 9));
    }

    private void hunting() {
        define(seo, "Search engine", Cadence.DAILY, huntAt(-2, 9, 0));
        activity(seo, huntDay(-1), 15, 0, "EUR");
        activity(seo, huntDay(0), 60, 1000, "EUR");
        activity(seo, huntDay(1), 30, 0, "EUR");
        activity(seo, huntDay(3), 90, 2000, "EUR");
        activity(seo, huntDay(8), 60, 500, "USD");
        activity(seo, huntDay(14), 45, 0, "EUR");

        UUID m1 = found(ProspectSource.MARKETING, seo, huntAt(0, 9, 0));
        raised(m1, ObjectionCategory.PRICE, huntAt(1, 10, 0));
        won(m1, 50_000, "EUR", huntAt(10, 9, 0));
        UUID m2 = found(ProspectSource.MARKETING, seo, huntAt(1, 12, 0));
        won(m2, 30_000, "EUR", huntAt(15, 12, 0));
        UUID m3 = found(ProspectSource.MARKETING, seo, huntAt(2, 0, 0));
        raised(m3, ObjectionCategory.TIMING, huntAt(3, 0, 0));
        events.add(new ProspectLost(m3, LostReason.NO_RESPONSE, huntAt(9, 0, 0)));
        found(ProspectSource.MARKETING, seo, huntAt(5, 0, 0));
        UUID m5 = found(ProspectSource.MARKETING, seo, huntAt(6, 0, 0));
        won(m5, 20_000, "USD", huntAt(26, 0, 0));

        UUID s1 = found(ProspectSource.SALES, null, huntAt(0, 8, 0));
        events.add(new ProspectContacted(s1, owner, huntAt(0, 9, 0)));
        UUID o1 = raised(s1, ObjectionCategory.PRICE, huntAt(1, 8, 0));
        events.add(new ObjectionResolved(o1, s1, huntAt(1, 12, 0)));
        won(s1, 40_000, "EUR", huntAt(2, 8, 0));
        UUID s2 = found(ProspectSource.SALES, null, huntAt(3, 10, 0));
        won(s2, 10_000, "EUR", huntAt(4, 22, 0));
        UUID s3 = found(ProspectSource.SALES, null, huntAt(7, 0, 0));
        raised(s3, ObjectionCategory.TIMING, huntAt(7, 6, 0));
        events.add(new ProspectLost(s3, LostReason.TIMING, huntAt(8, 0, 0)));
        UUID s4 = found(ProspectSource.SALES, null, huntAt(8, 0, 0));
        raised(s4, ObjectionCategory.AUTHORITY, huntAt(9, 0, 0));
        events.add(new ProspectLost(s4, LostReason.NO_DECISION, huntAt(12, 0, 0)));
        UUID s5 = found(ProspectSource.SALES, null, huntAt(13, 12, 0));
        won(s5, 25_000, "EUR", huntAt(18, 12, 0));

        UUID before = found(ProspectSource.SALES, null, huntAt(-1, 23, 0));
        won(before, 99_000, "EUR", huntAt(1, 0, 0));
        found(ProspectSource.MARKETING, seo, huntAt(14, 0, 0));
    }

    private void harvest() {
        define(radio, "Radio spots", Cadence.WEEKLY, harvestAt(-1, 0, 9));
        define(flyers, "Street flyers", Cadence.WEEKLY, harvestAt(-1, 0, 10));
        harvestActivity(radio, 0, 0, 60);
        harvestActivity(radio, 2, 0, 60);
        harvestActivity(flyers, 2, 1, 60);
        harvestActivity(flyers, 3, 2, 30);
        harvestActivity(radio, 4, 0, 45);
        harvestActivity(radio, 4, 3, 45);
        harvestActivity(radio, 7, 1, 90);
        harvestActivity(flyers, 7, 4, 60);
        harvestActivity(radio, 8, 2, 30);
        harvestActivity(flyers, 9, 0, 60);
        harvestActivity(radio, 11, 5, 30);
        harvestActivity(flyers, 11, 6, 60);
        for (int week = 0; week < HARVEST_PROSPECTS.length; week++) {
            for (int i = 0; i < HARVEST_PROSPECTS[week]; i++) {
                found(ProspectSource.MARKETING, radio, harvestAt(week, 2, 10 + i));
            }
        }
        found(ProspectSource.SALES, null, harvestAt(2, 2, 9));
        harvestActivity(radio, 12, 0, 500);
        found(ProspectSource.MARKETING, radio, harvestAt(12, 0, 0));
    }

    private void define(String technique, String name, Cadence cadence, Instant at) {
        events.add(new MarketingTechniqueDefined(technique, name, cadence, at));
    }

    private void activity(String technique, LocalDate day, int minutes) {
        activity(technique, day, minutes, 0, "EUR");
    }

    private void activity(String technique, LocalDate day, int minutes, long costMinor, String currency) {
        events.add(new MarketingActivityLogged(UUID.randomUUID(), technique, day, minutes, costMinor, currency,
                day.atTime(18, 0).toInstant(ZoneOffset.UTC)));
    }

    private void harvestActivity(String technique, int week, int dayOfWeek, int minutes) {
        activity(technique, HARVEST_MONDAY.plusWeeks(week).plusDays(dayOfWeek), minutes);
    }

    private UUID found(ProspectSource source, String technique, Instant at) {
        UUID prospect = UUID.randomUUID();
        events.add(new ProspectFound(prospect, source, technique, owner, 10_000, "EUR", at));
        return prospect;
    }

    private void won(UUID prospect, long valueMinor, String currency, Instant at) {
        events.add(new ProspectWon(prospect, valueMinor, currency, at));
    }

    private UUID raised(UUID prospect, ObjectionCategory category, Instant at) {
        UUID objection = UUID.randomUUID();
        events.add(new ObjectionRaised(objection, prospect, category, at));
        return objection;
    }

    private static Instant farmAt(int day, int hour) {
        return farmDay(day).atTime(hour, 0).toInstant(ZoneOffset.UTC);
    }

    private static Instant huntAt(int day, int hour, int minute) {
        return huntDay(day).atTime(hour, minute).toInstant(ZoneOffset.UTC);
    }

    private static Instant harvestAt(int week, int dayOfWeek, int hour) {
        return HARVEST_MONDAY.plusWeeks(week).plusDays(dayOfWeek).atTime(hour, 0).toInstant(ZoneOffset.UTC);
    }
}

package dev.funnel.analytics;

import dev.funnel.events.Cadence;
import dev.funnel.events.FunnelEvent;
import dev.funnel.events.LostReason;
import dev.funnel.events.MarketingActivityLogged;
import dev.funnel.events.MarketingTechniqueDefined;
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
 * The forecast's scenario, its answers worked out by hand in {@code ForecastTest}. It owns 2009 and 2010 up to May,
 * which no other scenario of the module reaches (a forecast learns from the year before its day). Day 0 = Monday
 * 2010-01-04; the forecast is made as of day 99 (so at day 100 00:00) with a 30-day horizon. Every step happens at
 * 00:00 of its day. Estimates are 10,000 EUR unless given.
 * <pre>
 * M1..M10 MARKETING forecast-seo fc-ana, contacted a day after being found:
 *   M1 found d0 won d21;  M2 d5 won d60;   M3 d10 lost d40; M4 d15 won d50; M5 d20 won d25;
 *   M6 d25 won d55;       M7 d30 (contacted d45, not d31) won d60;          M8 d40 lost d45;
 *   M9 d55 lost d80;      M10 d70 won d75
 * B1..B4  MARKETING forecast-blog fc-ana found d60, d70, d80, d90, each lost the next day, never contacted
 * B5      the same, found d120 (after the forecast's day) and lost d121
 * S1..S4  SALES fc-ben: S1 found d0 contacted d2 won d30; S2 d10 contacted d12 lost d40;
 *   S3 d20 never contacted lost d30; S4 d30 contacted d40 won d50
 * open at day 100:
 *   O1 MARKETING forecast-seo fc-ana found d90 contacted d92, estimate 30,000 EUR; won d110 for 35,000 EUR
 *   O2 SALES fc-ben found d95, not contacted; lost d105
 *   O3 SALES fc-ben found d80 contacted d85, estimate 20,000 USD; won d140 for 20,000 USD
 * effort (minutes a day, every day): forecast-seo 30 from d-60 to d99; forecast-blog 20 from d50 to d85 and 10
 * from d86 to d99; forecast-ads 60 from d80 to d99 (no prospect yet)
 * </pre>
 */
final class ForecastScenario {

    static final LocalDate DAY0 = LocalDate.of(2010, 1, 4);
    static final String ANA = "fc-ana";
    static final String BEN = "fc-ben";
    static final String SEO = "forecast-seo";
    static final String BLOG = "forecast-blog";
    static final String ADS = "forecast-ads";

    final UUID o1;
    final UUID o2;
    final UUID o3;
    private final List<FunnelEvent> events = new ArrayList<>();

    ForecastScenario() {
        define(SEO, -61);
        define(BLOG, 49);
        define(ADS, 79);
        effort(SEO, -60, 99, 30);
        effort(BLOG, 50, 85, 20);
        effort(BLOG, 86, 99, 10);
        effort(ADS, 80, 99, 60);

        int[][] seo = {{0, 1, 21}, {5, 6, 60}, {10, 11, -40}, {15, 16, 50}, {20, 21, 25}, {25, 26, 55},
            {30, 45, 60}, {40, 41, -45}, {55, 56, -80}, {70, 71, 75}};
        for (int[] path : seo) {
            decided(contacted(found(ProspectSource.MARKETING, SEO, ANA, path[0], 10_000, "EUR"), ANA, path[1]),
                    path[2]);
        }
        for (int day = 60; day <= 90; day += 10) {
            decided(found(ProspectSource.MARKETING, BLOG, ANA, day, 10_000, "EUR"), -(day + 1));
        }
        decided(found(ProspectSource.MARKETING, BLOG, ANA, 120, 10_000, "EUR"), -121);
        decided(contacted(found(ProspectSource.SALES, null, BEN, 0, 10_000, "EUR"), BEN, 2), 30);
        decided(contacted(found(ProspectSource.SALES, null, BEN, 10, 10_000, "EUR"), BEN, 12), -40);
        decided(found(ProspectSource.SALES, null, BEN, 20, 10_000, "EUR"), -30);
        decided(contacted(found(ProspectSource.SALES, null, BEN, 30, 10_000, "EUR"), BEN, 40), 50);

        o1 = contacted(found(ProspectSource.MARKETING, SEO, ANA, 90, 30_000, "EUR"), ANA, 92);
        events.add(new ProspectWon(o1, 35_000, "EUR", at(110)));
        o2 = found(ProspectSource.SALES, null, BEN, 95, 10_000, "EUR");
        events.add(new ProspectLost(o2, LostReason.NO_DECISION, at(105)));
        o3 = contacted(found(ProspectSource.SALES, null, BEN, 80, 20_000, "USD"), BEN, 85);
        events.add(new ProspectWon(o3, 20_000, "USD", at(140)));
    }

    static LocalDate day(int day) {
        return DAY0.plusDays(day);
    }

    /** Every event as a record with a fresh ce_id. */
    List<RawEvent> records() {
        return events.stream().map(RawEvent::of).toList();
    }

    private void define(String technique, int day) {
        events.add(new MarketingTechniqueDefined(technique, technique, Cadence.DAILY, at(day)));
    }

    private void effort(String technique, int from, int to, int minutes) {
        for (int day = from; day <= to; day++) {
            events.add(new MarketingActivityLogged(UUID.randomUUID(), technique, day(day), minutes, 0, "EUR",
                    day(day).atTime(18, 0).toInstant(ZoneOffset.UTC)));
        }
    }

    private UUID found(ProspectSource source, String technique, String owner, int day, long estimate,
            String currency) {
        UUID prospect = UUID.randomUUID();
        events.add(new ProspectFound(prospect, source, technique, owner, estimate, currency, at(day)));
        return prospect;
    }

    private UUID contacted(UUID prospect, String by, int day) {
        events.add(new ProspectContacted(prospect, by, at(day)));
        return prospect;
    }

    /** Won on the day, at the estimate's 10,000 EUR; lost on minus the day. */
    private void decided(UUID prospect, int day) {
        events.add(day > 0 ? new ProspectWon(prospect, 10_000, "EUR", at(day))
                : new ProspectLost(prospect, LostReason.PRICE, at(-day)));
    }

    private static Instant at(int day) {
        return day(day).atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}

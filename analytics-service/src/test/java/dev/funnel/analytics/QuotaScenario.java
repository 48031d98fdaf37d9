package dev.funnel.analytics;

import dev.funnel.events.FunnelEvent;
import dev.funnel.events.ProspectFound;
import dev.funnel.events.ProspectSource;
import dev.funnel.events.ProspectWon;
import dev.funnel.events.SalesQuotaSet;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The quotas' scenario, its answers worked out by hand in {@code QuotaInsightsTest}. It owns 2010 and 2011, which no
 * other scenario of the module reaches, and sellers named {@code quota-*}. The question is asked as of 2011-03-13:
 * March has 31 days, 13 gone and 18 left.
 * <pre>
 * quota-ana  2011-03: 10 customers and EUR 50,000.00 (5,000,000 minor). Set first as 8 customers (02-20), then
 *            replaced (02-25); the replacement is sent first, so only its time makes it the quota.
 *            Won in March: 03-02 EUR 1,000,000; 03-05 CHF 200,000; 03-09 EUR 500,000; 03-13 23:00 EUR 300,000;
 *            03-14 00:00 EUR 999 (after the day asked). So far: 4 customers, EUR 1,800,000, CHF 200,000 besides.
 *            2011-02: 2 customers; won 02-10 and 02-28 23:59 (EUR 100 each): met.
 *            2011-01: 5 customers and EUR 100,000; won 01-15 EUR 200,000 only: value met, customers not: missed.
 *            2010-02: 1 customer, won: more than 12 months before March, not shown.
 *            2011-04: 12 customers, nothing won yet.
 * quota-ben  2011-03: CHF 10,000.00 (1,000,000 minor) only; won 03-10 CHF 1,200,000: met.
 *            2011-04: 3 customers, nothing won yet.
 * quota-cy   2011-02 only: 1 customer, won 03-03 (a March win, outside the quota's month): missed.
 * </pre>
 */
final class QuotaScenario {

    static final String ANA = "quota-ana";
    static final String BEN = "quota-ben";
    static final String CY = "quota-cy";
    static final String MANAGER = "quota-maria";

    private final List<FunnelEvent> events = new ArrayList<>();

    QuotaScenario() {
        // The replacement first: the projection must keep the later setting, not the last one read.
        quota(ANA, 2011, 3, 10, 5_000_000L, "EUR", at(2011, 2, 25, 9));
        quota(ANA, 2011, 3, 8, null, null, at(2011, 2, 20, 9));
        won(ANA, 1_000_000, "EUR", at(2011, 3, 2, 10));
        won(ANA, 200_000, "CHF", at(2011, 3, 5, 10));
        won(ANA, 500_000, "EUR", at(2011, 3, 9, 10));
        won(ANA, 300_000, "EUR", at(2011, 3, 13, 23));
        won(ANA, 999, "EUR", at(2011, 3, 14, 0));
        quota(ANA, 2011, 2, 2, null, null, at(2011, 1, 30, 9));
        won(ANA, 100, "EUR", at(2011, 2, 10, 10));
        won(ANA, 100, "EUR", at(2011, 2, 28, 23).plusSeconds(59 * 60));
        quota(ANA, 2011, 1, 5, 100_000L, "EUR", at(2010, 12, 28, 9));
        won(ANA, 200_000, "EUR", at(2011, 1, 15, 10));
        quota(ANA, 2011, 4, 12, null, null, at(2011, 3, 1, 9));
        quota(ANA, 2010, 2, 1, null, null, at(2010, 1, 28, 9));
        won(ANA, 100, "EUR", at(2010, 2, 10, 10));

        quota(BEN, 2011, 3, null, 1_000_000L, "CHF", at(2011, 2, 26, 9));
        won(BEN, 1_200_000, "CHF", at(2011, 3, 10, 10));
        quota(BEN, 2011, 4, 3, null, null, at(2011, 3, 1, 9));

        quota(CY, 2011, 2, 1, null, null, at(2011, 1, 29, 9));
        won(CY, 100, "EUR", at(2011, 3, 3, 10));
    }

    /** Every event as a record with a fresh ce_id. */
    List<RawEvent> records() {
        return events.stream().map(RawEvent::of).toList();
    }

    private void quota(String owner, int year, int month, Integer customers, Long valueMinor, String currency,
            Instant at) {
        events.add(new SalesQuotaSet(owner, YearMonth.of(year, month), customers, valueMinor, currency, MANAGER, at));
    }

    /** A prospect of the owner's, found a week before it is won. */
    private void won(String owner, long valueMinor, String currency, Instant at) {
        UUID prospect = UUID.randomUUID();
        events.add(new ProspectFound(prospect, ProspectSource.SALES, null, owner, valueMinor, currency,
                at.minusSeconds(7 * 86_400)));
        events.add(new ProspectWon(prospect, valueMinor, currency, at));
    }

    private static Instant at(int year, int month, int day, int hour) {
        return LocalDateTime.of(year, month, day, hour, 0).toInstant(ZoneOffset.UTC);
    }
}

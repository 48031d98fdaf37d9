package dev.funnel.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/** Realistic events of every type, used by all contract tests. */
final class EventSamples {

    static final UUID PROSPECT_ID = UUID.fromString("3f2b8c1e-6a4d-4f7e-9b1a-2c3d4e5f6a7b");
    static final UUID OBJECTION_ID = UUID.fromString("9d7e1f20-4b3a-4c5d-8e6f-7a8b9c0d1e2f");

    static final MarketingTechniqueDefined TECHNIQUE_DEFINED = new MarketingTechniqueDefined(
            "linkedin-post", "Daily LinkedIn post", Cadence.WEEKDAYS, Instant.parse("2026-11-02T08:00:00Z"));

    static final MarketingActivityLogged ACTIVITY_LOGGED = new MarketingActivityLogged(
            UUID.fromString("6f1c2a3e-5b7d-4c8e-9f10-112233445566"), "linkedin-post", LocalDate.of(2026, 11, 25), 45,
            1_500, "EUR", Instant.parse("2026-11-26T08:02:11.250Z"));

    static final ProspectFound MARKETING_PROSPECT_FOUND = new ProspectFound(
            PROSPECT_ID, ProspectSource.MARKETING, "linkedin-post", "anna.k", 480_000, "EUR",
            Instant.parse("2026-11-26T10:15:30Z"));

    static final ProspectFound SALES_PROSPECT_FOUND = new ProspectFound(
            UUID.fromString("c0ffee00-1234-4abc-8def-0123456789ab"), ProspectSource.SALES, null, "ben_r", 1_200_000,
            "CHF", Instant.parse("2026-11-26T14:00:00Z"));

    static final ProspectContacted PROSPECT_CONTACTED = new ProspectContacted(
            PROSPECT_ID, "anna.k", Instant.parse("2026-11-27T09:30:00Z"));

    static final ProspectWon PROSPECT_WON = new ProspectWon(
            PROSPECT_ID, 450_000, "EUR", Instant.parse("2026-12-15T16:45:00Z"));

    static final ProspectLost PROSPECT_LOST = new ProspectLost(
            PROSPECT_ID, LostReason.NO_RESPONSE, Instant.parse("2027-01-10T12:00:00Z"));

    static final ObjectionRaised OBJECTION_RAISED = new ObjectionRaised(
            OBJECTION_ID, PROSPECT_ID, ObjectionCategory.PRICE, Instant.parse("2026-12-01T11:20:00Z"));

    static final ObjectionResolved OBJECTION_RESOLVED = new ObjectionResolved(
            OBJECTION_ID, PROSPECT_ID, Instant.parse("2026-12-03T15:05:00Z"));

    static final SalesQuotaSet QUOTA_SET = new SalesQuotaSet(
            "anna.k", YearMonth.of(2026, 12), 10, 5_000_000L, "EUR", "maria.manager",
            Instant.parse("2026-11-30T17:00:00Z"));

    static final SalesQuotaSet CUSTOMERS_QUOTA_SET = new SalesQuotaSet(
            "ben_r", YearMonth.of(2027, 1), 4, null, null, "maria.manager", Instant.parse("2026-12-20T09:00:00Z"));

    private static final List<FunnelEvent> ALL = List.of(TECHNIQUE_DEFINED, ACTIVITY_LOGGED,
            MARKETING_PROSPECT_FOUND, SALES_PROSPECT_FOUND, PROSPECT_CONTACTED, PROSPECT_WON, PROSPECT_LOST,
            OBJECTION_RAISED, OBJECTION_RESOLVED, QUOTA_SET, CUSTOMERS_QUOTA_SET);

    private EventSamples() {
    }

    static List<FunnelEvent> all() {
        return ALL;
    }

    static List<FunnelEvent> of(EventType type) {
        return ALL.stream().filter(event -> event.type() == type).toList();
    }

    /** For {@code @MethodSource}: each sample named for the test report. */
    static Stream<Named<FunnelEvent>> named() {
        return ALL.stream().map(event -> Named.of(describe(event), event));
    }

    private static String describe(FunnelEvent event) {
        if (event instanceof ProspectFound found) {
            return "ProspectFound " + found.source();
        }
        if (event instanceof SalesQuotaSet quota) {
            return "SalesQuotaSet " + (quota.valueTargetMinor() == null ? "customers" : "customers and value");
        }
        return event.type().eventName();
    }
}

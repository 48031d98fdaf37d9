package dev.funnel.analytics.projection;

import static dev.funnel.analytics.projection.Stamp.earliest;
import static dev.funnel.analytics.projection.Stamp.latest;

import dev.funnel.analytics.projection.Stamp.Stamped;
import dev.funnel.events.MarketingActivityLogged;
import dev.funnel.events.MarketingTechniqueDefined;
import dev.funnel.events.ObjectionRaised;
import dev.funnel.events.ObjectionResolved;
import dev.funnel.events.ProspectContacted;
import dev.funnel.events.ProspectFound;
import dev.funnel.events.ProspectLost;
import dev.funnel.events.ProspectWon;
import dev.funnel.events.SalesQuotaSet;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The new events of one batch folded into one change per fact row, by the same rules the SQL merge applies
 * against the stored rows. One row per key is what lets a single {@code INSERT ... ON CONFLICT DO UPDATE}
 * write the whole batch: PostgreSQL refuses a statement that updates one row twice.
 */
final class FactBatch {

    /** PostgreSQL's order of {@code uuid} values; see {@link Stamp}. */
    private static final Comparator<UUID> UUID_ORDER = Comparator.comparing(UUID::toString);
    private static final Comparator<QuotaKey> QUOTA_ORDER = Comparator.comparing(QuotaKey::owner)
            .thenComparing(QuotaKey::month);

    private final Map<String, TechniqueRow> techniques = new TreeMap<>();
    private final Map<UUID, ActivityRow> activities = new TreeMap<>(UUID_ORDER);
    private final Map<UUID, ProspectDelta> prospects = new TreeMap<>(UUID_ORDER);
    private final Map<UUID, ObjectionDelta> objections = new TreeMap<>(UUID_ORDER);
    private final Map<QuotaKey, QuotaRow> quotas = new TreeMap<>(QUOTA_ORDER);

    void add(IncomingEvent incoming) {
        UUID id = incoming.eventId();
        switch (incoming.type()) {
            case MARKETING_TECHNIQUE_DEFINED -> {
                MarketingTechniqueDefined e = (MarketingTechniqueDefined) incoming.event();
                techniques.merge(e.technique(), new TechniqueRow(Stamp.of(e.definedAt(), id), e.technique(),
                        e.name(), e.cadence().name()), Stamp::latest);
            }
            case MARKETING_ACTIVITY_LOGGED -> {
                MarketingActivityLogged e = (MarketingActivityLogged) incoming.event();
                activities.merge(e.activityId(), new ActivityRow(Stamp.of(e.loggedAt(), id), e.activityId(),
                        e.technique(), e.performedOn(), e.minutesSpent(), e.costMinor(), e.currency()),
                        Stamp::latest);
            }
            case PROSPECT_FOUND -> {
                ProspectFound e = (ProspectFound) incoming.event();
                Found found = new Found(Stamp.of(e.foundAt(), id), e.source().name(), e.technique(), e.owner(),
                        e.estimatedValueMinor(), e.currency());
                prospects.merge(e.prospectId(), new ProspectDelta(e.prospectId(), found, null, null, null),
                        ProspectDelta::merge);
            }
            case PROSPECT_CONTACTED -> {
                ProspectContacted e = (ProspectContacted) incoming.event();
                Contacted contacted = new Contacted(Stamp.of(e.contactedAt(), id), e.owner());
                prospects.merge(e.prospectId(), new ProspectDelta(e.prospectId(), null, contacted, null, null),
                        ProspectDelta::merge);
            }
            case PROSPECT_WON -> {
                ProspectWon e = (ProspectWon) incoming.event();
                Won won = new Won(Stamp.of(e.wonAt(), id), e.valueMinor(), e.currency());
                prospects.merge(e.prospectId(), new ProspectDelta(e.prospectId(), null, null, won, null),
                        ProspectDelta::merge);
            }
            case PROSPECT_LOST -> {
                ProspectLost e = (ProspectLost) incoming.event();
                Lost lost = new Lost(Stamp.of(e.lostAt(), id), e.reason().name());
                prospects.merge(e.prospectId(), new ProspectDelta(e.prospectId(), null, null, null, lost),
                        ProspectDelta::merge);
            }
            case OBJECTION_RAISED -> {
                ObjectionRaised e = (ObjectionRaised) incoming.event();
                Raised raised = new Raised(Stamp.of(e.raisedAt(), id), e.prospectId(), e.category().name());
                objections.merge(e.objectionId(), new ObjectionDelta(e.objectionId(), raised, null),
                        ObjectionDelta::merge);
            }
            case OBJECTION_RESOLVED -> {
                ObjectionResolved e = (ObjectionResolved) incoming.event();
                Resolved resolved = new Resolved(Stamp.of(e.resolvedAt(), id));
                objections.merge(e.objectionId(), new ObjectionDelta(e.objectionId(), null, resolved),
                        ObjectionDelta::merge);
            }
            case SALES_QUOTA_SET -> {
                SalesQuotaSet e = (SalesQuotaSet) incoming.event();
                quotas.merge(new QuotaKey(e.owner(), e.month()), new QuotaRow(Stamp.of(e.setAt(), id), e.owner(),
                        e.month(), e.customersTarget(), e.valueTargetMinor(), e.currency(), e.setBy()),
                        Stamp::latest);
            }
            default -> throw new IllegalStateException("No fact for " + incoming.type());
        }
    }

    Collection<TechniqueRow> techniques() {
        return techniques.values();
    }

    Collection<ActivityRow> activities() {
        return activities.values();
    }

    Collection<ProspectDelta> prospects() {
        return prospects.values();
    }

    Collection<ObjectionDelta> objections() {
        return objections.values();
    }

    Collection<QuotaRow> quotas() {
        return quotas.values();
    }

    /** A technique's definition; the latest one wins. */
    record TechniqueRow(Stamp stamp, String technique, String name, String cadence) implements Stamped {
    }

    /** An activity; should it be logged again under the same id, the latest one wins. */
    record ActivityRow(Stamp stamp, UUID activityId, String technique, LocalDate performedOn, int minutesSpent,
            long costMinor, String currency) implements Stamped {
    }

    /** What a batch says about one prospect; each part is null when no event of the batch wrote it. */
    record ProspectDelta(UUID prospectId, Found found, Contacted contacted, Won won, Lost lost) {

        ProspectDelta merge(ProspectDelta other) {
            return new ProspectDelta(prospectId, earliest(found, other.found), earliest(contacted, other.contacted),
                    earliest(won, other.won), earliest(lost, other.lost));
        }
    }

    record Found(Stamp stamp, String source, String technique, String owner, long estimatedValueMinor,
            String currency) implements Stamped {
    }

    /** Only the first contact is kept: contacted means reached at least once. */
    record Contacted(Stamp stamp, String owner) implements Stamped {
    }

    record Won(Stamp stamp, long valueMinor, String currency) implements Stamped {
    }

    record Lost(Stamp stamp, String reason) implements Stamped {
    }

    record QuotaKey(String owner, YearMonth month) {
    }

    /** A seller's quota for a month; a later setting replaces it whole. */
    record QuotaRow(Stamp stamp, String owner, YearMonth month, Integer customersTarget, Long valueTargetMinor,
            String currency, String setBy) implements Stamped {
    }

    /** What a batch says about one objection. */
    record ObjectionDelta(UUID objectionId, Raised raised, Resolved resolved) {

        ObjectionDelta merge(ObjectionDelta other) {
            return new ObjectionDelta(objectionId, earliest(raised, other.raised), earliest(resolved, other.resolved));
        }
    }

    record Raised(Stamp stamp, UUID prospectId, String category) implements Stamped {
    }

    record Resolved(Stamp stamp) implements Stamped {
    }
}

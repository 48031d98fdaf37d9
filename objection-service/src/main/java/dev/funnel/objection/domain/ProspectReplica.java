package dev.funnel.objection.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * This service's copy of one prospect: that it exists, whether it is still open, and who owns it. Built from
 * prospect events that may come twice or out of order, so the rules are order tolerant: nothing reopens a
 * won or lost prospect, between won and lost the event with the later time decides, and the owner is learnt from
 * {@code ProspectFound} whenever it comes and never changed afterwards.
 */
@Entity
@Table(name = "prospect_replica")
public class ProspectReplica extends PanacheEntityBase {

    @Id
    @Column(name = "prospect_id")
    private UUID prospectId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ProspectStage stage;

    @Column(name = "closed_at")
    private Instant closedAt;

    /** Null until ProspectFound is seen: a prospect without an owner is reachable only by managers. */
    private String owner;

    @Column(name = "first_seen_at", nullable = false)
    private Instant firstSeenAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ProspectReplica() {
    }

    /** The first event seen for a prospect, whichever it is: a won event may be the first one replayed. */
    public static ProspectReplica firstSeen(ProspectFact fact, Instant now) {
        ProspectReplica replica = new ProspectReplica();
        replica.prospectId = fact.prospectId();
        replica.stage = fact.stage();
        replica.closedAt = fact.stage().closed() ? fact.occurredAt() : null;
        replica.owner = fact.owner();
        replica.firstSeenAt = now;
        replica.updatedAt = now;
        return replica;
    }

    /**
     * Applies what a later-arriving event says; returns whether the stage changed. A found or contacted
     * event only confirms the prospect exists: arriving after the win (a replay, a late duplicate) it must
     * not reopen it. Won and lost are both final; should both arrive, the one that happened later stands,
     * which gives the same answer in whatever order they come (on equal times the first one stays).
     * A found event seen after a later one (a replay that met the win first) still brings the owner.
     */
    public boolean observe(ProspectFact fact, Instant now) {
        learnOwner(fact, now);
        if (!fact.stage().closed()) {
            return false;
        }
        if (stage.closed() && !fact.occurredAt().isAfter(closedAt)) {
            return false;
        }
        stage = fact.stage();
        closedAt = fact.occurredAt();
        updatedAt = now;
        return true;
    }

    /**
     * Takes the owner a found event names if none is known yet. One known is kept: prospect-service has no event
     * that hands a prospect to another seller, so a second, different owner can only be a faulty or replayed
     * record, and letting it win would hand one seller's objections to another.
     */
    private void learnOwner(ProspectFact fact, Instant now) {
        if (owner == null && fact.owner() != null) {
            owner = fact.owner();
            updatedAt = now;
        }
    }

    public UUID prospectId() {
        return prospectId;
    }

    public ProspectStage stage() {
        return stage;
    }

    public Instant closedAt() {
        return closedAt;
    }

    /** The owning seller, or {@code null} while unknown. */
    public String owner() {
        return owner;
    }
}

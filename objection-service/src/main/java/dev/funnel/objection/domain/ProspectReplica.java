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
 * This service's copy of one prospect: only that it exists and whether it is still open. Built from
 * prospect events that may come twice or out of order, so the rules are order tolerant: nothing reopens a
 * won or lost prospect, and between won and lost the event with the later time decides.
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
        replica.firstSeenAt = now;
        replica.updatedAt = now;
        return replica;
    }

    /**
     * Applies what a later-arriving event says; returns whether the stage changed. A found or contacted
     * event only confirms the prospect exists: arriving after the win (a replay, a late duplicate) it must
     * not reopen it. Won and lost are both final; should both arrive, the one that happened later stands,
     * which gives the same answer in whatever order they come (on equal times the first one stays).
     */
    public boolean observe(ProspectFact fact, Instant now) {
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

    public UUID prospectId() {
        return prospectId;
    }

    public ProspectStage stage() {
        return stage;
    }

    public Instant closedAt() {
        return closedAt;
    }
}

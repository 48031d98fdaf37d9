package dev.funnel.objection.service;

import dev.funnel.objection.domain.ProspectFact;
import dev.funnel.objection.domain.ProspectReplica;
import dev.funnel.objection.domain.ReplicaApplied;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;

/**
 * Feeds the local replica of prospects, one event at a time as the consumer hands them over; {@link Objections}
 * reads the replica when an objection is raised.
 */
@ApplicationScoped
public class ProspectReplicas {

    /** Records an event id unless it is there: the row count says whether this event is new. */
    private static final String RECORD_EVENT = "insert into processed_event (event_id, event_type, processed_at)"
            + " values (:id, :type, :at) on conflict (event_id) do nothing";

    private final Clock clock;
    private final EntityManager entityManager;

    ProspectReplicas(Clock clock, EntityManager entityManager) {
        this.clock = clock;
        this.entityManager = entityManager;
    }

    /**
     * Applies one event in a transaction of its own, together with the record of its id, so a crash between
     * the two can neither lose the change nor apply it twice. Returns {@link ReplicaApplied#DUPLICATE} when the id
     * was applied before.
     */
    public ReplicaApplied apply(ProspectFact fact) {
        return QuarkusTransaction.requiringNew().call(() -> applyInTransaction(fact));
    }

    private ReplicaApplied applyInTransaction(ProspectFact fact) {
        Instant now = clock.instant();
        int recorded = entityManager.createNativeQuery(RECORD_EVENT)
                .setParameter("id", fact.eventId())
                .setParameter("type", fact.eventType())
                .setParameter("at", now)
                .executeUpdate();
        if (recorded == 0) {
            return ReplicaApplied.DUPLICATE;
        }
        ProspectReplica replica = ProspectReplica.findById(fact.prospectId(), LockModeType.PESSIMISTIC_WRITE);
        if (replica == null) {
            ProspectReplica.firstSeen(fact, now).persist();
        } else {
            replica.observe(fact, now);
        }
        return ReplicaApplied.NEW;
    }
}

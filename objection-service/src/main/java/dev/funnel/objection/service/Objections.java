package dev.funnel.objection.service;

import dev.funnel.events.ObjectionCategory;
import dev.funnel.objection.domain.Objection;
import dev.funnel.objection.domain.ObjectionAlreadyResolvedException;
import dev.funnel.objection.domain.ObjectionBridged;
import dev.funnel.objection.domain.ObjectionDraft;
import dev.funnel.objection.domain.ObjectionIdConflictException;
import dev.funnel.objection.domain.ObjectionNotFoundException;
import dev.funnel.objection.domain.ObjectionRecorded;
import dev.funnel.objection.domain.ObjectionStatus;
import dev.funnel.objection.domain.ProspectClosedException;
import dev.funnel.objection.domain.ProspectReplica;
import dev.funnel.objection.domain.ResolvedBeforeRaisedException;
import dev.funnel.objection.domain.UnknownProspectException;
import dev.funnel.objection.messaging.ObjectionEvents;
import dev.funnel.persistence.UniqueViolation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Raising and resolving objections, each change in a transaction of its own together with its event (handed to
 * the outbox). A client may choose the objection's id: repeating a request with the same id and content records
 * and announces nothing new, so a client can retry after a timeout.
 */
@ApplicationScoped
public class Objections {

    private final Clock clock;
    private final ObjectionEvents events;
    private final Event<ObjectionRecorded> raised;
    private final Event<ObjectionBridged> resolved;

    Objections(Clock clock, ObjectionEvents events, Event<ObjectionRecorded> raised, Event<ObjectionBridged> resolved) {
        this.clock = clock;
        this.events = events;
        this.raised = raised;
        this.resolved = resolved;
    }

    /**
     * Records a new objection of an open prospect and publishes {@code ObjectionRaised}, or returns the one
     * stored under the same id when the request is a repeat.
     *
     * @throws UnknownProspectException the replica has not seen the prospect (yet)
     * @throws ProspectClosedException the prospect was won or lost
     * @throws ObjectionIdConflictException the id holds a different objection
     */
    public RaisedObjection raise(Optional<UUID> id, ObjectionDraft draft) {
        UUID objectionId = id.orElseGet(UUID::randomUUID);
        try {
            return QuarkusTransaction.requiringNew().call(() -> raiseInTransaction(objectionId, draft));
        } catch (PersistenceException e) {
            if (!UniqueViolation.causedIt(e)) {
                throw e;
            }
            // A concurrent request stored this id first. Run again: this time the stored objection is seen,
            // and it is either the same objection (a repeat) or a conflict.
            return QuarkusTransaction.requiringNew().call(() -> raiseInTransaction(objectionId, draft));
        }
    }

    private RaisedObjection raiseInTransaction(UUID id, ObjectionDraft draft) {
        Objection stored = Objection.findById(id);
        if (stored != null) {
            // Checked before the prospect: a repeat is answered the same even if the prospect closed since.
            if (!stored.matches(draft)) {
                throw new ObjectionIdConflictException(id);
            }
            return new RaisedObjection(stored, false);
        }
        ProspectReplica prospect = ProspectReplica.findById(draft.prospectId());
        if (prospect == null) {
            throw new UnknownProspectException(draft.prospectId());
        }
        if (prospect.stage().closed()) {
            throw new ProspectClosedException(draft.prospectId(), prospect.stage());
        }
        Objection objection = new Objection(id, draft, clock.instant());
        objection.persistAndFlush();
        events.raised(objection);
        raised.fire(new ObjectionRecorded(objection.category()));
        return new RaisedObjection(objection, true);
    }

    /**
     * Records the bridge that resolved an objection and publishes {@code ObjectionResolved}. Without a time
     * the resolution is dated now, never before the objection was raised.
     *
     * @throws ObjectionNotFoundException no objection has this id
     * @throws ObjectionAlreadyResolvedException it was resolved before
     * @throws ResolvedBeforeRaisedException the given time is before the objection was raised
     */
    @Transactional
    public Objection resolve(UUID id, String bridge, Optional<Instant> resolvedAt) {
        // Locked so that of two concurrent resolutions the second one waits and then sees the first.
        Objection objection = Objection.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (objection == null) {
            throw new ObjectionNotFoundException(id);
        }
        Instant at = resolvedAt.orElseGet(() -> latest(clock.instant(), objection.raisedAt()));
        objection.resolve(bridge, at);
        events.resolved(objection);
        resolved.fire(new ObjectionBridged(objection.category()));
        return objection;
    }

    /** A clock stepped back between raising and resolving must not turn "resolved now" into an error. */
    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    public Objection get(UUID id) {
        Objection objection = Objection.findById(id);
        if (objection == null) {
            throw new ObjectionNotFoundException(id);
        }
        return objection;
    }

    /** Objections newest first (by the time they were raised), filtered and paged. */
    public ObjectionPage list(Optional<UUID> prospectId, Optional<ObjectionCategory> category,
            Optional<ObjectionStatus> status, int page, int size) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        prospectId.ifPresent(prospect -> {
            conditions.add("prospectId = :prospectId");
            parameters.and("prospectId", prospect);
        });
        category.ifPresent(value -> {
            conditions.add("category = :category");
            parameters.and("category", value);
        });
        status.ifPresent(value -> conditions.add(
                value == ObjectionStatus.OPEN ? "resolvedAt is null" : "resolvedAt is not null"));
        String query = String.join(" and ", conditions);
        Sort newestFirst = Sort.descending("raisedAt").and("id");
        var found = Objection.<Objection>find(query, newestFirst, parameters).page(Page.of(page, size));
        return new ObjectionPage(found.list(), page, size, found.count());
    }

    /** The stored objection, and whether this request created it (false: a repeat of an earlier one). */
    public record RaisedObjection(Objection objection, boolean created) {
    }

    /** A page of objections and how many match in all. */
    public record ObjectionPage(List<Objection> items, int page, int size, long total) {
    }
}

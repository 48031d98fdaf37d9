package dev.funnel.objection.service;

import dev.funnel.audit.AuditTrail;
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
import dev.funnel.web.security.Caller;
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
 * the outbox) and its audit entry. A client may choose the objection's id: repeating a request with the same id and
 * content records and announces nothing new, so a client can retry after a timeout.
 *
 * <p>A seller reaches only objections on prospects they own (the replica's owner, {@link Caller#mayReach}); a
 * manager reaches all. What a seller may not reach is answered exactly as what does not exist: their objection on
 * another's prospect as an unknown prospect, another's objection as an unknown id, so nobody learns from a refusal
 * that a prospect or an objection is there.
 */
@ApplicationScoped
public class Objections {

    private static final String SUBJECT = "objection";
    private static final String RAISED = "objection.raised";
    private static final String RESOLVED = "objection.resolved";

    /** The objections on prospects this owner owns: the seller's view, filtered in the database. */
    private static final String OWNED_BY = "prospectId in (select p.prospectId from ProspectReplica p"
            + " where p.owner = :owner)";

    private final Clock clock;
    private final ObjectionEvents events;
    private final Event<ObjectionRecorded> raised;
    private final Event<ObjectionBridged> resolved;
    private final Caller caller;
    private final AuditTrail audit;

    Objections(Clock clock, ObjectionEvents events, Event<ObjectionRecorded> raised, Event<ObjectionBridged> resolved,
            Caller caller, AuditTrail audit) {
        this.clock = clock;
        this.events = events;
        this.raised = raised;
        this.resolved = resolved;
        this.caller = caller;
        this.audit = audit;
    }

    /**
     * Records a new objection of an open prospect and publishes {@code ObjectionRaised}, or returns the one
     * stored under the same id when the request is a repeat.
     *
     * @throws UnknownProspectException the replica has not seen the prospect (yet), or the caller does not own it
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
            // Checked before the prospect's stage: a repeat is answered the same even if the prospect closed
            // since. The owner comes first, though: a seller repeating a raise on someone else's prospect gets
            // the unknown-prospect answer, not the stored objection, and an id conflict is told only to a caller
            // who may work on the prospect they named, so it never confirms someone else's prospect.
            if (!reaches(draft.prospectId())) {
                throw new UnknownProspectException(draft.prospectId());
            }
            if (!stored.matches(draft)) {
                throw new ObjectionIdConflictException(id);
            }
            return new RaisedObjection(stored, false);
        }
        ProspectReplica prospect = ProspectReplica.findById(draft.prospectId());
        if (prospect == null || !caller.mayReach(prospect.owner())) {
            throw new UnknownProspectException(draft.prospectId());
        }
        if (prospect.stage().closed()) {
            throw new ProspectClosedException(draft.prospectId(), prospect.stage());
        }
        Objection objection = new Objection(id, draft, clock.instant());
        objection.persistAndFlush();
        events.raised(objection);
        audit.record(RAISED, SUBJECT, objection.id());
        raised.fire(new ObjectionRecorded(objection.category()));
        return new RaisedObjection(objection, true);
    }

    /**
     * Whether the caller may work on this prospect's objections. A manager may on any, known here or not; a seller
     * only on one the replica knows as theirs.
     */
    private boolean reaches(UUID prospectId) {
        if (caller.onlyOwner().isEmpty()) {
            return true;
        }
        ProspectReplica prospect = ProspectReplica.findById(prospectId);
        return prospect != null && caller.mayReach(prospect.owner());
    }

    /** The objection if it exists and the caller may reach it; otherwise the same not-found for both. */
    private Objection reachable(Objection objection, UUID id) {
        if (objection == null || !reaches(objection.prospectId())) {
            throw new ObjectionNotFoundException(id);
        }
        return objection;
    }

    /**
     * Records the bridge that resolved an objection and publishes {@code ObjectionResolved}. Without a time
     * the resolution is dated now, never before the objection was raised.
     *
     * @throws ObjectionNotFoundException no objection has this id, or none the caller may reach
     * @throws ObjectionAlreadyResolvedException it was resolved before
     * @throws ResolvedBeforeRaisedException the given time is before the objection was raised
     */
    @Transactional
    public Objection resolve(UUID id, String bridge, Optional<Instant> resolvedAt) {
        // Locked so that of two concurrent resolutions the second one waits and then sees the first.
        Objection objection = reachable(Objection.findById(id, LockModeType.PESSIMISTIC_WRITE), id);
        Instant at = resolvedAt.orElseGet(() -> latest(clock.instant(), objection.raisedAt()));
        objection.resolve(bridge, at);
        events.resolved(objection);
        audit.record(RESOLVED, SUBJECT, objection.id());
        resolved.fire(new ObjectionBridged(objection.category()));
        return objection;
    }

    /** A clock stepped back between raising and resolving must not turn "resolved now" into an error. */
    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** @throws ObjectionNotFoundException no objection has this id, or none the caller may reach */
    public Objection get(UUID id) {
        return reachable(Objection.findById(id), id);
    }

    /**
     * Objections newest first (by the time they were raised), filtered and paged; for a seller only those on
     * prospects they own, so a prospect filter naming someone else's prospect finds none, as for any prospect
     * without objections.
     */
    public ObjectionPage list(Optional<UUID> prospectId, Optional<ObjectionCategory> category,
            Optional<ObjectionStatus> status, int page, int size) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        caller.onlyOwner().ifPresent(owner -> {
            conditions.add(OWNED_BY);
            parameters.and("owner", owner);
        });
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

package dev.funnel.prospect.service;

import dev.funnel.audit.AuditTrail;
import dev.funnel.events.LostReason;
import dev.funnel.events.ProspectSource;
import dev.funnel.persistence.LostUpdate;
import dev.funnel.persistence.UniqueViolation;
import dev.funnel.prospect.domain.ConcurrentChangeException;
import dev.funnel.prospect.domain.Prospect;
import dev.funnel.prospect.domain.ProspectDraft;
import dev.funnel.prospect.domain.ProspectIdConflictException;
import dev.funnel.prospect.domain.ProspectNotFoundException;
import dev.funnel.prospect.domain.Stage;
import dev.funnel.prospect.messaging.ProspectEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Registering prospects and moving them along their path. Every change, its event and its audit entry commit
 * together; who may touch which prospect ({@link ProspectAccess}) is settled before anything is changed.
 * Two requests changing one prospect at once: the version check lets exactly one commit; the other is run
 * again on what the first left, so it gets the same answer it would have got had it come second.
 */
@ApplicationScoped
public class Prospects {

    /** How often a change that lost a race for the same prospect is tried on the new state before giving up. */
    private static final int ATTEMPTS = 3;
    private static final String SUBJECT = "prospect";

    private final Clock clock;
    private final ProspectEvents events;
    private final Event<ProspectRegistered> registered;
    private final ProspectAccess access;
    private final AuditTrail audit;

    Prospects(Clock clock, ProspectEvents events, Event<ProspectRegistered> registered, ProspectAccess access,
            AuditTrail audit) {
        this.clock = clock;
        this.events = events;
        this.registered = registered;
        this.access = access;
        this.audit = audit;
    }

    /**
     * Stores a new prospect and publishes ProspectFound. With a client-chosen id, repeating the request
     * returns the stored prospect ({@code created} false) and publishes nothing. A seller registers for
     * themselves: the owner left out is the seller.
     */
    public Registration register(Optional<UUID> clientId, ProspectDraft requested) {
        ProspectDraft draft = access.claim(requested);
        UUID id = clientId.orElseGet(UUID::randomUUID);
        try {
            return QuarkusTransaction.requiringNew().call(() -> registerInTransaction(id, draft));
        } catch (PersistenceException e) {
            if (!UniqueViolation.causedIt(e)) {
                throw e;
            }
            // A concurrent request stored this id first: now it is either the same prospect or a conflict.
            return QuarkusTransaction.requiringNew().call(() -> registerInTransaction(id, draft));
        }
    }

    /**
     * Registers every prospect of a sheet in one transaction, or none: a prospect the caller may not register (a
     * seller naming another owner, a manager naming none) or an id that holds another prospect refuses them all,
     * each named. A prospect registered before with the same content is a replay, as with one.
     */
    public List<Registration> registerAll(List<NewProspect> requested) {
        List<RejectedProspectsException.Rejection> rejections = new ArrayList<>();
        List<ProspectDraft> drafts = new ArrayList<>();
        for (int index = 0; index < requested.size(); index++) {
            try {
                drafts.add(access.claim(requested.get(index).draft()));
            } catch (OwnerMissingException | OtherOwnerRefusedException e) {
                rejections.add(new RejectedProspectsException.Rejection(index, "owner", e.getMessage()));
            }
        }
        if (!rejections.isEmpty()) {
            throw new RejectedProspectsException(rejections);
        }
        List<UUID> ids = requested.stream().map(prospect -> prospect.id().orElseGet(UUID::randomUUID)).toList();
        try {
            return QuarkusTransaction.requiringNew().call(() -> registerAllInTransaction(ids, drafts));
        } catch (PersistenceException e) {
            if (!UniqueViolation.causedIt(e)) {
                throw e;
            }
            // A concurrent request stored one of these ids first: now each is the same prospect or a conflict.
            return QuarkusTransaction.requiringNew().call(() -> registerAllInTransaction(ids, drafts));
        }
    }

    private List<Registration> registerAllInTransaction(List<UUID> ids, List<ProspectDraft> drafts) {
        List<Registration> registrations = new ArrayList<>();
        List<RejectedProspectsException.Rejection> rejections = new ArrayList<>();
        for (int index = 0; index < ids.size(); index++) {
            try {
                registrations.add(registerInTransaction(ids.get(index), drafts.get(index)));
            } catch (ProspectIdConflictException e) {
                rejections.add(new RejectedProspectsException.Rejection(index, "id", e.getMessage()));
            }
        }
        if (!rejections.isEmpty()) {
            // Thrown inside the transaction, so that the prospects registered before the conflict roll back.
            throw new RejectedProspectsException(rejections);
        }
        return registrations;
    }

    private Registration registerInTransaction(UUID id, ProspectDraft draft) {
        Prospect stored = Prospect.findById(id);
        if (stored != null) {
            if (!stored.matches(draft)) {
                throw new ProspectIdConflictException(id);
            }
            return new Registration(stored, false);
        }
        Prospect prospect = new Prospect(id, draft, clock.instant());
        prospect.persistAndFlush();
        events.found(prospect);
        audit.record("prospect.registered", SUBJECT, id);
        registered.fire(new ProspectRegistered(prospect.source()));
        return new Registration(prospect, true);
    }

    public Prospect contact(UUID id, String by, Optional<Instant> at) {
        return change(id, "prospect.contacted", (prospect, now) -> {
            prospect.contact(by, at.orElse(now), now);
            events.contacted(prospect);
            return true;
        });
    }

    public Prospect win(UUID id, long valueMinor, Optional<String> currency, Optional<Instant> at) {
        return change(id, "prospect.won", (prospect, now) -> {
            prospect.win(valueMinor, currency.orElse(prospect.currency()), at.orElse(now), now);
            events.won(prospect);
            return true;
        });
    }

    public Prospect lose(UUID id, LostReason reason, Optional<Instant> at) {
        return change(id, "prospect.lost", (prospect, now) -> {
            prospect.lose(reason, at.orElse(now), now);
            events.lost(prospect);
            return true;
        });
    }

    /**
     * Erases who the prospect is; publishes nothing, because events never carried it. Erasing twice at once,
     * or while a step is taken, is harmless: the one that comes second finds the data gone or erases it then.
     * Only the erasure that erased something is audited.
     */
    public Prospect erasePersonalData(UUID id) {
        return change(id, "prospect.personal-data-erased", (prospect, now) -> prospect.erasePersonalData(now));
    }

    /**
     * Applies a change to one prospect in a transaction of its own. When another request changed the prospect
     * meanwhile (the version check fails), the change is applied again to what that request left: a step the
     * new stage forbids is then refused as usual, an erasure finds nothing left to erase. A change that changed
     * something is audited as {@code action} in its transaction, so a rolled-back attempt leaves no entry.
     */
    private Prospect change(UUID id, String action, Change change) {
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    Prospect prospect = access.reachable(find(id));
                    boolean changed = change.applyTo(prospect, clock.instant());
                    // Flush here so a lost race surfaces as OptimisticLockException now, not at commit.
                    Prospect.flush();
                    if (changed) {
                        audit.record(action, SUBJECT, id);
                    }
                    return prospect;
                });
            } catch (RuntimeException e) {
                if (!LostUpdate.causedIt(e)) {
                    throw e;
                }
                if (attempt == ATTEMPTS) {
                    throw new ConcurrentChangeException(id);
                }
            }
        }
    }

    public Prospect get(UUID id) {
        return access.reachable(find(id));
    }

    private static Prospect find(UUID id) {
        Prospect prospect = Prospect.findById(id);
        if (prospect == null) {
            throw new ProspectNotFoundException(id);
        }
        return prospect;
    }

    /** Prospects newest first (by when they were found), filtered and paged; a seller's own only. */
    public ProspectPage list(ProspectFilter filter, int page, int size) {
        Optional<String> owner = access.ownerToList(filter.owner());
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        filter.stage().ifPresent(stage -> {
            conditions.add("stage = :stage");
            parameters.and("stage", stage);
        });
        filter.source().ifPresent(source -> {
            conditions.add("source = :source");
            parameters.and("source", source);
        });
        owner.ifPresent(name -> {
            conditions.add("owner = :owner");
            parameters.and("owner", name);
        });
        filter.technique().ifPresent(technique -> {
            conditions.add("technique = :technique");
            parameters.and("technique", technique);
        });
        var found = Prospect.<Prospect>find(String.join(" and ", conditions),
                Sort.descending("foundAt").and("id"), parameters).page(Page.of(page, size));
        return new ProspectPage(found.list(), page, size, found.count());
    }

    /** A change of one prospect at {@code now}; says whether it changed anything, or throws to refuse it. */
    @FunctionalInterface
    private interface Change {
        boolean applyTo(Prospect prospect, Instant now);
    }

    /** The stored prospect, and whether this request created it (false: a repeat of an earlier one). */
    /** A prospect of a sheet: its client-chosen id, if any, and what to register. */
    public record NewProspect(Optional<UUID> id, ProspectDraft draft) {
    }

    public record Registration(Prospect prospect, boolean created) {
    }

    /** Which prospects to list; every part optional. */
    public record ProspectFilter(Optional<Stage> stage, Optional<ProspectSource> source, Optional<String> owner,
            Optional<String> technique) {
    }

    /** A page of prospects and how many match in all. */
    public record ProspectPage(List<Prospect> items, int page, int size, long total) {
    }

    /** Fired inside the transaction that stored a new prospect; observers act once it has committed. */
    public record ProspectRegistered(ProspectSource source) {
    }
}

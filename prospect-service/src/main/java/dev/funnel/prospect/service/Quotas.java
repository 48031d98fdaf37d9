package dev.funnel.prospect.service;

import dev.funnel.audit.AuditTrail;
import dev.funnel.events.SalesQuotaSet;
import dev.funnel.persistence.UniqueViolation;
import dev.funnel.prospect.domain.QuotaNotFoundException;
import dev.funnel.prospect.domain.QuotaTargets;
import dev.funnel.prospect.domain.SalesQuota;
import dev.funnel.prospect.messaging.QuotaEvents;
import dev.funnel.web.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * Sellers' monthly quotas. A manager sets them (the resource sees to that); every change is stored and published
 * as SalesQuotaSet in one transaction, and setting the same targets again changes and publishes nothing. A seller
 * sees only their own quotas; another seller's is answered as one never set, as with prospects.
 */
@ApplicationScoped
public class Quotas {

    private static final String SUBJECT = "quota";

    private final Clock clock;
    private final QuotaEvents events;
    private final Caller caller;
    private final AuditTrail audit;

    Quotas(Clock clock, QuotaEvents events, Caller caller, AuditTrail audit) {
        this.clock = clock;
        this.events = events;
        this.caller = caller;
        this.audit = audit;
    }

    /** What setting a quota did. */
    public enum Outcome { CREATED, REPLACED, UNCHANGED }

    /** The quota as stored after setting it, and what the setting did. */
    public record Setting(SalesQuota quota, Outcome outcome) {
    }

    /**
     * @throws QuotaSetterRefusedException when the manager's user name is longer than a quota's {@code setBy} keeps:
     *     the identity provider's setup to fix, not the request
     */
    public Setting set(String owner, YearMonth month, QuotaTargets targets) {
        String manager = caller.name();
        if (manager.codePointCount(0, manager.length()) > SalesQuotaSet.MAX_SET_BY_LENGTH) {
            throw new QuotaSetterRefusedException("Your user name is longer than the "
                    + SalesQuotaSet.MAX_SET_BY_LENGTH + " characters a quota keeps of who set it; ask the identity"
                    + " provider's admin for a shorter one");
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> setInTransaction(owner, month, targets));
        } catch (PersistenceException e) {
            if (!UniqueViolation.causedIt(e)) {
                throw e;
            }
            // A concurrent request set this owner's month first: now it is a replacement (or the same targets).
            return QuarkusTransaction.requiringNew().call(() -> setInTransaction(owner, month, targets));
        }
    }

    private Setting setInTransaction(String owner, YearMonth month, QuotaTargets targets) {
        SalesQuota stored = SalesQuota.findById(new SalesQuota.Key(owner, month), LockModeType.PESSIMISTIC_WRITE);
        Outcome outcome;
        if (stored == null) {
            stored = new SalesQuota(owner, month, targets, caller.name(), clock.instant());
            stored.persistAndFlush();
            outcome = Outcome.CREATED;
        } else if (stored.hasTargets(targets)) {
            return new Setting(stored, Outcome.UNCHANGED);
        } else {
            stored.replace(targets, caller.name(), clock.instant());
            stored.flush();
            outcome = Outcome.REPLACED;
        }
        events.set(stored);
        audit.record("quota.set", SUBJECT, owner + "/" + month);
        return new Setting(stored, outcome);
    }

    /** @throws QuotaNotFoundException if none is set, or the caller is a seller asking for another's */
    public SalesQuota find(String owner, YearMonth month) {
        if (!caller.mayReach(owner)) {
            throw new QuotaNotFoundException(owner, month);
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            SalesQuota quota = SalesQuota.findById(new SalesQuota.Key(owner, month));
            if (quota == null) {
                throw new QuotaNotFoundException(owner, month);
            }
            return quota;
        });
    }

    /** The quotas set for a month, by owner; a seller's list holds only their own. */
    public List<SalesQuota> of(YearMonth month) {
        Optional<String> onlyOwner = caller.onlyOwner();
        Parameters parameters = Parameters.with("month", month.atDay(1));
        String query = "month = :month";
        if (onlyOwner.isPresent()) {
            query += " and owner = :owner";
            parameters.and("owner", onlyOwner.get());
        }
        String where = query;
        return QuarkusTransaction.requiringNew().call(
                () -> SalesQuota.<SalesQuota>list(where, Sort.by("owner"), parameters));
    }
}

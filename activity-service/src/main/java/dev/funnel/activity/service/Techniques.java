package dev.funnel.activity.service;

import dev.funnel.activity.domain.Technique;
import dev.funnel.activity.domain.TechniqueAlreadyExistsException;
import dev.funnel.activity.domain.TechniqueChangedConcurrentlyException;
import dev.funnel.activity.domain.TechniqueNotFoundException;
import dev.funnel.activity.messaging.ActivityEvents;
import dev.funnel.audit.AuditTrail;
import dev.funnel.events.Cadence;
import dev.funnel.persistence.LostUpdate;
import dev.funnel.persistence.UniqueViolation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/** Defining and changing marketing techniques. */
@ApplicationScoped
public class Techniques {

    private final Clock clock;
    private final ActivityEvents events;
    private final AuditTrail audit;

    Techniques(Clock clock, ActivityEvents events, AuditTrail audit) {
        this.clock = clock;
        this.events = events;
        this.audit = audit;
    }

    @Transactional
    public Technique define(String slug, String name, Cadence cadence) {
        if (Technique.findById(slug) != null) {
            throw new TechniqueAlreadyExistsException(slug);
        }
        Technique technique = new Technique(slug, name, cadence, clock.instant());
        try {
            technique.persistAndFlush();
        } catch (PersistenceException e) {
            if (UniqueViolation.causedIt(e)) {
                // Another request defined the same slug between our check and our insert.
                throw new TechniqueAlreadyExistsException(slug);
            }
            throw e;
        }
        events.techniqueDefined(technique);
        audit.record("technique.defined", "technique", slug);
        return technique;
    }

    /**
     * Changes name and cadence; announces the new definition only when something changed. When another request
     * changed the technique at the same time, this one succeeds only if the technique is now as it asks (the
     * other request announced it); otherwise it throws {@link TechniqueChangedConcurrentlyException}.
     */
    public Technique redefine(String slug, String name, Cadence cadence) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> redefineInTransaction(slug, name, cadence));
        } catch (RuntimeException e) {
            if (!LostUpdate.causedIt(e)) {
                throw e;
            }
            Technique current = QuarkusTransaction.requiringNew().call(() -> get(slug));
            if (current.isDefinedAs(name, cadence)) {
                return current;
            }
            throw new TechniqueChangedConcurrentlyException(slug);
        }
    }

    private Technique redefineInTransaction(String slug, String name, Cadence cadence) {
        Technique technique = get(slug);
        if (technique.redefine(name, cadence, clock.instant())) {
            // The version check runs now, inside the call, rather than in the commit.
            Technique.flush();
            events.techniqueDefined(technique);
            audit.record("technique.changed", "technique", slug);
        }
        return technique;
    }

    public Technique get(String slug) {
        if (!Technique.isSlug(slug)) {
            throw new TechniqueNotFoundException(slug);
        }
        Technique technique = Technique.findById(slug);
        if (technique == null) {
            throw new TechniqueNotFoundException(slug);
        }
        return technique;
    }

    public List<Technique> all() {
        return Technique.listAll(Sort.ascending("slug"));
    }
}

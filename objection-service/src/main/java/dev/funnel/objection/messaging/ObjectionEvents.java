package dev.funnel.objection.messaging;

import dev.funnel.events.ObjectionRaised;
import dev.funnel.events.ObjectionResolved;
import dev.funnel.objection.domain.Objection;
import dev.funnel.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one place where this service's domain changes become events. Called inside the transaction of the
 * change; the outbox sends them after the commit. The statement and the bridge never leave the service:
 * the events carry ids, the category and times only.
 */
@ApplicationScoped
public class ObjectionEvents {

    private final Outbox outbox;

    ObjectionEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void raised(Objection objection) {
        outbox.publish(new ObjectionRaised(objection.id(), objection.prospectId(), objection.category(),
                objection.raisedAt()));
    }

    public void resolved(Objection objection) {
        outbox.publish(new ObjectionResolved(objection.id(), objection.prospectId(), objection.resolvedAt()));
    }
}

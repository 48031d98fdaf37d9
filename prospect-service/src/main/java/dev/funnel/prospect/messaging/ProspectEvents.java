package dev.funnel.prospect.messaging;

import dev.funnel.events.ProspectContacted;
import dev.funnel.events.ProspectFound;
import dev.funnel.events.ProspectLost;
import dev.funnel.events.ProspectWon;
import dev.funnel.outbox.Outbox;
import dev.funnel.prospect.domain.Prospect;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one place where a prospect's steps become events. Called inside the transaction of the step;
 * the outbox sends them after the commit. No contact details ever go into an event.
 */
@ApplicationScoped
public class ProspectEvents {

    private final Outbox outbox;

    ProspectEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void found(Prospect prospect) {
        outbox.publish(new ProspectFound(prospect.id(), prospect.source(), prospect.technique(), prospect.owner(),
                prospect.estimatedValueMinor(), prospect.currency(), prospect.foundAt()));
    }

    public void contacted(Prospect prospect) {
        outbox.publish(new ProspectContacted(prospect.id(), prospect.contactedBy(), prospect.contactedAt()));
    }

    public void won(Prospect prospect) {
        outbox.publish(new ProspectWon(prospect.id(), prospect.wonValueMinor(), prospect.wonCurrency(),
                prospect.wonAt()));
    }

    public void lost(Prospect prospect) {
        outbox.publish(new ProspectLost(prospect.id(), prospect.lostReason(), prospect.lostAt()));
    }
}

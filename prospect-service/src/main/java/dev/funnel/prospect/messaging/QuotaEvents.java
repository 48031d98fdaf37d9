package dev.funnel.prospect.messaging;

import dev.funnel.events.SalesQuotaSet;
import dev.funnel.outbox.Outbox;
import dev.funnel.prospect.domain.QuotaTargets;
import dev.funnel.prospect.domain.SalesQuota;
import jakarta.enterprise.context.ApplicationScoped;

/** Where a quota's setting becomes an event; called inside the transaction that stored it. */
@ApplicationScoped
public class QuotaEvents {

    private final Outbox outbox;

    QuotaEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void set(SalesQuota quota) {
        QuotaTargets targets = quota.targets();
        outbox.publish(new SalesQuotaSet(quota.owner(), quota.month(), targets.customers(), targets.valueMinor(),
                targets.currency(), quota.setBy(), quota.setAt()));
    }
}

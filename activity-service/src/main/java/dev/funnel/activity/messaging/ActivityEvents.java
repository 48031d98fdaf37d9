package dev.funnel.activity.messaging;

import dev.funnel.activity.domain.Activity;
import dev.funnel.activity.domain.Technique;
import dev.funnel.events.MarketingActivityLogged;
import dev.funnel.events.MarketingTechniqueDefined;
import dev.funnel.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one place where this service's domain changes become events. Called inside the transaction of
 * the change; the outbox sends them after the commit. Notes never leave the service.
 */
@ApplicationScoped
public class ActivityEvents {

    private final Outbox outbox;

    ActivityEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void techniqueDefined(Technique technique) {
        outbox.publish(new MarketingTechniqueDefined(technique.slug(), technique.name(), technique.cadence(),
                technique.updatedAt()));
    }

    public void activityLogged(Activity activity) {
        outbox.publish(new MarketingActivityLogged(activity.id(), activity.technique(), activity.performedOn(),
                activity.minutesSpent(), activity.costMinor(), activity.currency(), activity.loggedAt()));
    }
}

package dev.funnel.events;

import java.util.List;

/**
 * The Kafka topics of the contract.
 *
 * <p>A topic's name ends with its major version: a breaking change to any event on it means a new topic, never a
 * new meaning on an old one. Records are keyed so that the history of one technique or one prospect stays in order:
 * {@link FunnelEvent#partitionKey()} gives the key.
 */
public final class Topics {

    /**
     * {@link MarketingTechniqueDefined} and {@link MarketingActivityLogged}, keyed by technique slug so one
     * technique's history stays in order.
     */
    public static final String MARKETING_ACTIVITIES = "funnel.marketing-activities.v1";

    /**
     * {@link ProspectFound}, {@link ProspectContacted}, {@link ProspectWon} and {@link ProspectLost}, keyed by
     * prospect id.
     */
    public static final String PROSPECTS = "funnel.prospects.v1";

    /**
     * {@link ObjectionRaised} and {@link ObjectionResolved}, keyed by prospect id (not objection id) so all
     * objections of a prospect stay in order.
     */
    public static final String OBJECTIONS = "funnel.objections.v1";

    /**
     * {@link SalesQuotaSet}, keyed by the seller (owner) the quota is for. Its own topic: quotas are set a few times a
     * month, and a consumer of the prospects' steps (objection-service) has no use for them.
     */
    public static final String SALES_QUOTAS = "funnel.sales-quotas.v1";

    /** Appended to a topic's name to name the topic a consumer sends the records it cannot process to. */
    public static final String DLQ_SUFFIX = ".dlq";

    private static final List<String> ALL = List.of(MARKETING_ACTIVITIES, PROSPECTS, OBJECTIONS, SALES_QUOTAS);

    private Topics() {
    }

    /**
     * @param topic a topic name, for example {@link #PROSPECTS}
     * @return its dead-letter topic, for example {@code funnel.prospects.v1.dlq}
     */
    public static String deadLetterTopicOf(String topic) {
        return Contract.require("topic", topic) + DLQ_SUFFIX;
    }

    /** @return the event topics (without dead-letter topics), in a fixed order */
    public static List<String> all() {
        return ALL;
    }
}

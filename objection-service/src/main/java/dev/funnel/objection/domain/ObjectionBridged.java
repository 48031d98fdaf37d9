package dev.funnel.objection.domain;

import dev.funnel.events.ObjectionCategory;

/** An objection was resolved by a bridge: fired like {@link ObjectionRecorded}, inside its transaction. */
public record ObjectionBridged(ObjectionCategory category) {
}

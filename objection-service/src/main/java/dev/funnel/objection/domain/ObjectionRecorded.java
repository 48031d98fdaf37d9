package dev.funnel.objection.domain;

import dev.funnel.events.ObjectionCategory;

/**
 * An objection was recorded; not fired for a repeated request. A CDI event of this service's own, fired inside the
 * transaction that recorded it, so that an observer of {@code AFTER_SUCCESS} (the metrics) counts only what
 * committed. A fact about objections, not about HTTP or Kafka.
 */
public record ObjectionRecorded(ObjectionCategory category) {
}

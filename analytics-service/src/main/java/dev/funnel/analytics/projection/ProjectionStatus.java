package dev.funnel.analytics.projection;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The state of the projection as the database records it.
 *
 * @param appliedByType events in the read model per event type (what the last rebuild replayed and what the live
 *     consumer applied since)
 * @param duplicatesByType events the live consumer skipped as already applied, per type, since the service's
 *     database was created
 * @param deadLetteredByType records the live consumer sent to a dead-letter topic, per type ({@code unknown}
 *     when the type could not be told)
 * @param lastEventTime the latest time ({@code occurredAt}) of the events applied
 * @param lastAppliedAt when the projection last applied a batch
 * @param lastRebuild the latest rebuild, if any
 */
public record ProjectionStatus(Map<String, Long> appliedByType, Map<String, Long> duplicatesByType,
        Map<String, Long> deadLetteredByType, Instant lastEventTime, Instant lastAppliedAt,
        Optional<RebuildRun> lastRebuild) {
}

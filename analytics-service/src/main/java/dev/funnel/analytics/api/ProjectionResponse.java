package dev.funnel.analytics.api;

import dev.funnel.analytics.projection.ProjectionStatus;
import dev.funnel.analytics.projection.RebuildRun;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code GET /admin/projection}.
 *
 * @param eventsApplied events in the read model
 * @param appliedByType the same per event type
 * @param duplicatesSkipped events the live consumer skipped as already applied
 * @param deadLettered records the live consumer sent to a dead-letter topic
 * @param skippedByType both per event type
 * @param lastEventTime the latest {@code occurredAt} among the applied events
 * @param lastAppliedAt when a batch was last applied
 * @param lag records on the topics not yet applied by the live consumer; null when the broker could not tell
 * @param lagByTopic the same per topic
 * @param rebuild the latest rebuild, null if there was none
 */
public record ProjectionResponse(long eventsApplied, Map<String, Long> appliedByType, long duplicatesSkipped,
        long deadLettered, Map<String, Skipped> skippedByType, Instant lastEventTime, Instant lastAppliedAt,
        Long lag, Map<String, Long> lagByTopic, RebuildResponse rebuild) {

    static ProjectionResponse of(ProjectionStatus status, Optional<Map<String, Long>> lag) {
        Map<String, Skipped> skipped = new TreeMap<>();
        status.duplicatesByType().forEach((type, count) -> skipped.put(type,
                new Skipped(count, status.deadLetteredByType().getOrDefault(type, 0L))));
        return new ProjectionResponse(sum(status.appliedByType()), status.appliedByType(),
                sum(status.duplicatesByType()), sum(status.deadLetteredByType()), skipped, status.lastEventTime(),
                status.lastAppliedAt(), lag.map(ProjectionResponse::sum).orElse(null), lag.orElse(null),
                status.lastRebuild().map(RebuildResponse::of).orElse(null));
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** What the live consumer skipped of one event type. */
    public record Skipped(long duplicates, long deadLettered) {
    }

    /**
     * A rebuild and how far it got.
     *
     * @param targetRecords records on the topics up to the end offsets captured when the replay started
     * @param replayed records read so far
     * @param applied events applied by the replay
     * @param alreadyApplied events the replay skipped because the live consumer had applied them meanwhile
     * @param unreadable records skipped as not valid events (the live consumer dead-letters them)
     */
    public record RebuildResponse(long id, RebuildRun.State state, Instant requestedAt, Instant finishedAt,
            Long targetRecords, long replayed, long applied, long alreadyApplied, long unreadable, String error) {

        static RebuildResponse of(RebuildRun run) {
            return new RebuildResponse(run.id(), run.state(), run.requestedAt(), run.finishedAt(),
                    run.targetRecords(), run.replayed(), run.applied(), run.alreadyApplied(), run.unreadable(),
                    run.error());
        }
    }
}

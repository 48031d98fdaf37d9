package dev.funnel.analytics.projection;

import dev.funnel.events.EventType;
import java.util.Map;

/**
 * What one transaction did with a batch, per event type.
 *
 * @param applied events that changed the read model
 * @param duplicates events skipped because their id was applied before (or earlier in the same batch)
 */
public record ApplyResult(Map<EventType, Long> applied, Map<EventType, Long> duplicates) {

    public ApplyResult {
        applied = Map.copyOf(applied);
        duplicates = Map.copyOf(duplicates);
    }

    public long appliedCount() {
        return applied.values().stream().mapToLong(Long::longValue).sum();
    }

    public long duplicateCount() {
        return duplicates.values().stream().mapToLong(Long::longValue).sum();
    }
}

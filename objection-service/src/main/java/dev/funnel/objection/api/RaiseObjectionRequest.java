package dev.funnel.objection.api;

import dev.funnel.events.ObjectionCategory;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;

/**
 * An objection as a client sends it. {@code id} is optional: a client that chooses it can repeat the
 * request safely. {@code raisedAt} defaults to the time the service records it.
 */
public record RaiseObjectionRequest(
        UUID id,
        @NotNull UUID prospectId,
        @NotNull ObjectionCategory category,
        @FreeText String statement,
        @PlausibleTime Instant raisedAt) {
}

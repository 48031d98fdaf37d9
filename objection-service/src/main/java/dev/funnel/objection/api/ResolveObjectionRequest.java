package dev.funnel.objection.api;

import java.time.Instant;

/** How an objection was answered. {@code resolvedAt} defaults to now, never before the objection was raised. */
public record ResolveObjectionRequest(
        @FreeText String bridge,
        @PlausibleTime Instant resolvedAt) {
}

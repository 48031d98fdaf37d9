package dev.funnel.prospect.api;

import dev.funnel.events.LostReason;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** The prospect was lost: why (an objection category, NO_DECISION or NO_RESPONSE), and when. */
public record LoseRequest(@NotNull LostReason reason, Instant at) {
}

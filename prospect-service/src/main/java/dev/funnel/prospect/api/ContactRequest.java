package dev.funnel.prospect.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;

/** A seller reached the prospect: who, and when (default now). */
public record ContactRequest(
        @NotNull @Pattern(regexp = "[a-z0-9._-]{1,40}", message = "must be 1 to 40 of a-z, 0-9 and . _ -")
        String by,
        Instant at) {
}

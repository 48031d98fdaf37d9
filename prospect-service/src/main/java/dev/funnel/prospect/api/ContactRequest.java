package dev.funnel.prospect.api;

import dev.funnel.events.ContractFormats;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;

/** A seller reached the prospect: who, and when (default now). */
public record ContactRequest(
        @NotNull @Pattern(regexp = ContractFormats.OWNER, message = ContractFormats.OWNER_RULE)
        String by,
        Instant at) {
}

package dev.funnel.activity.api;

import dev.funnel.events.Cadence;
import dev.funnel.events.ContractFormats;
import dev.funnel.web.StorableText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new marketing technique: its slug names it for good (events are keyed by it). */
public record TechniqueRequest(
        @NotNull @Pattern(regexp = ContractFormats.TECHNIQUE_SLUG, message = ContractFormats.TECHNIQUE_SLUG_RULE)
        String slug,
        @NotBlank @Size(max = 80) @StorableText String name,
        @NotNull Cadence cadence) {
}

package dev.funnel.activity.api;

import dev.funnel.activity.domain.Technique;
import dev.funnel.events.Cadence;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new marketing technique: its slug names it for good (events are keyed by it). */
public record TechniqueRequest(
        @NotNull @Pattern(regexp = Technique.SLUG, message = "must be 2 to 40 of a-z, 0-9 and -") String slug,
        @NotBlank @Size(max = 80) @PlainText String name,
        @NotNull Cadence cadence) {
}

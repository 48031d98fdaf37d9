package dev.funnel.activity.api;

import dev.funnel.events.Cadence;
import dev.funnel.web.StorableText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The new definition of an existing technique. */
public record TechniqueUpdate(
        @NotBlank @Size(max = 80) @StorableText String name,
        @NotNull Cadence cadence) {
}

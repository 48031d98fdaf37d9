package dev.funnel.activity.api;

import dev.funnel.activity.domain.Technique;
import dev.funnel.events.Cadence;
import java.time.Instant;

public record TechniqueResponse(String slug, String name, Cadence cadence, Instant definedAt, Instant updatedAt) {

    static TechniqueResponse of(Technique technique) {
        return new TechniqueResponse(technique.slug(), technique.name(), technique.cadence(),
                technique.definedAt(), technique.updatedAt());
    }
}

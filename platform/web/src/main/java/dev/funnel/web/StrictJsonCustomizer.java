package dev.funnel.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnel.events.StrictJson;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Request bodies are read by the platform's rules ({@link StrictJson#applyToRequests}): as written, or refused,
 * never coerced, the rules consumers read events by, and times only as precise as they are stored. Each refusal
 * reaches {@link JsonInputProblemMappers} as a 400 naming the field.
 */
@Singleton
public class StrictJsonCustomizer implements ObjectMapperCustomizer {

    /**
     * Last of all: Quarkus registers the jsr310 module in a customizer of its own, and nothing running after this
     * one may loosen what it sets.
     */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        StrictJson.applyToRequests(mapper);
    }
}

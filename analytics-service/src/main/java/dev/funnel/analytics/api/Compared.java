package dev.funnel.analytics.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * An answer, and with {@code compare=previous} the same answer for the range of the same length just before it and
 * the differences between the two. Without it, the answer alone, exactly as it would be without this wrapper.
 *
 * @param answer the answer about the range asked
 * @param previous the same answer about the previous range; absent unless asked
 * @param deltas answer minus previous, figure by figure (see the README's "The previous period")
 */
public record Compared<T>(@JsonUnwrapped T answer, @JsonInclude(JsonInclude.Include.NON_NULL) T previous,
        @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode deltas) {
}

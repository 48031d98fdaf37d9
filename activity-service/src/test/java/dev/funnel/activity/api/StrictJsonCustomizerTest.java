package dev.funnel.activity.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The instant rules of {@link StrictJsonCustomizer}, which no request of this service exercises (its only
 * client-given time is a day, tested through the API in {@link StrictJsonInputTest}). The mapper is set up as
 * Quarkus does it: the jsr310 module first, then this customizer, whose deserializers must win.
 */
class StrictJsonCustomizerTest {

    record Stamped(Instant at) {
    }

    private final ObjectMapper mapper = strictMapper();

    @Test
    void anInstantIsReadFromAnIsoStringWithAnOffset() throws Exception {
        assertThat(mapper.readValue("{\"at\":\"2026-01-05T09:30:00Z\"}", Stamped.class).at())
                .isEqualTo(Instant.parse("2026-01-05T09:30:00Z"));
        assertThat(mapper.readValue("{\"at\":\"2026-01-05T11:30:00+02:00\"}", Stamped.class).at())
                .isEqualTo(Instant.parse("2026-01-05T09:30:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1767605400", "1.7676054E9", "\"1767605400\"", "\"2026-01-05T09:30:00\"", "\"2026-01-05\"",
        "[2026,1,5,9,30]", "\"\"", "true"})
    void anythingElseIsNoInstant(String value) {
        assertThatThrownBy(() -> mapper.readValue("{\"at\":" + value + "}", Stamped.class))
                .isInstanceOf(MismatchedInputException.class)
                .satisfies(e -> assertThat(JsonInputProblemMappers.fieldPath(((MismatchedInputException) e).getPath()))
                        .isEqualTo("at"));
    }

    private static ObjectMapper strictMapper() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new StrictJsonCustomizer().customize(mapper);
        return mapper;
    }
}

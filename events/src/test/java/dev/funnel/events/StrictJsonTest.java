package dev.funnel.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The java.time rules of {@link StrictJson}, whatever times a given event or request carries (the services test
 * their requests through their APIs). The mapper is set up as Quarkus does it: the jsr310 module first, then the
 * strict rules, which must win.
 */
class StrictJsonTest {

    record Stamped(Instant at) {
    }

    record Dated(LocalDate on) {
    }

    record Offset(OffsetDateTime at) {
    }

    private final ObjectMapper mapper = strictMapper();

    @Test
    void anInstantIsReadFromAnIsoStringWithAnOffset() throws Exception {
        assertThat(mapper.readValue("{\"at\":\"2026-01-05T09:30:00Z\"}", Stamped.class).at())
                .isEqualTo(Instant.parse("2026-01-05T09:30:00Z"));
        assertThat(mapper.readValue("{\"at\":\"2026-01-05T11:30:00.250+02:00\"}", Stamped.class).at())
                .isEqualTo(Instant.parse("2026-01-05T09:30:00.250Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1767605400", "1.7676054E9", "\"1767605400\"", "\"-1767605400\"", "\"1767605400.5\"",
        "\"2026-01-05T09:30:00\"", "\"2026-01-05\"", "\" 2026-01-05T09:30:00Z\"", "[2026,1,5,9,30]", "\"\"", "true",
        "{}"})
    void anythingElseIsNoInstant(String value) {
        refused("{\"at\":" + value + "}", Stamped.class, "at");
    }

    @Test
    void aDayIsReadFromAnIsoDate() throws Exception {
        assertThat(mapper.readValue("{\"on\":\"2026-01-05\"}", Dated.class).on()).isEqualTo(LocalDate.of(2026, 1, 5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2026-01-05T00:00:00Z\"", "\"2026-01-05T00:00:00\"", "[2026,1,5]", "20458",
        "\"20458\"", "\"2026-1-5\"", "\"2026-02-30\"", "\"\"", "false"})
    void anythingElseIsNoDay(String value) {
        refused("{\"on\":" + value + "}", Dated.class, "on");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1767605400", "\"1767605400\"", "\"2026-01-05T09:30:00\""})
    void otherJavaTimeTypesAreTextInTheirIsoFormToo(String value) {
        refused("{\"at\":" + value + "}", Offset.class, "at");
    }

    private void refused(String json, Class<?> type, String field) {
        assertThatThrownBy(() -> mapper.readValue(json, type))
                .isInstanceOf(MismatchedInputException.class)
                .satisfies(e -> assertThat(((MismatchedInputException) e).getPath().get(0).getFieldName())
                        .isEqualTo(field));
    }

    private static ObjectMapper strictMapper() {
        return StrictJson.applyTo(new ObjectMapper().registerModule(new JavaTimeModule()));
    }
}

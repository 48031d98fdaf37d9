package dev.funnel.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
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
    private final ObjectMapper requestMapper = StrictJson.applyToRequests(
            new ObjectMapper().registerModule(new JavaTimeModule()));

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

    @Test
    void anEventsInstantKeepsItsNanoseconds() throws Exception {
        assertThat(mapper.readValue("{\"at\":\"2026-01-05T09:30:00.123456789Z\"}", Stamped.class).at())
                .isEqualTo(Instant.parse("2026-01-05T09:30:00.123456789Z"));
    }

    @Test
    void aRequestsInstantIsReadToTheMicrosecond() throws Exception {
        assertThat(requestMapper.readValue("{\"at\":\"2026-01-05T09:30:00.123456Z\"}", Stamped.class).at())
                .isEqualTo(Instant.parse("2026-01-05T09:30:00.123456Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2026-01-05T09:30:00.123456789Z\"", "\"2026-01-05T09:30:00.0000001Z\"",
        "\"2016-12-31T23:59:60Z\"", "\"1700000000\""})
    void aRequestsInstantFinerThanMicrosecondsOrALeapSecondIsRefused(String value) {
        refused(requestMapper, "{\"at\":" + value + "}", Stamped.class, "at");
    }

    record Planned(Cadence cadence) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"DAILY\\u0000\"", "\" DAILY\"", "\"DAILY\\t\"", "\"\\u0001DAILY\"", "\"daily\"", "0"})
    void anEnumConstantIsTakenAsSpelledOnly(String value) {
        refused(mapper, "{\"cadence\":" + value + "}", Planned.class, "cadence");
    }

    @Test
    void anEnumConstantAsSpelledIsRead() throws Exception {
        assertThat(mapper.readValue("{\"cadence\":\"WEEKDAYS\"}", Planned.class).cadence())
                .isEqualTo(Cadence.WEEKDAYS);
    }

    record Identified(UUID id) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"EjRWeJASNFZ4kBI0VniQEg==\"", "\"AAAAAAAAAAAAAAAAAAAAAA==\"", "\"1-1-1-1-1\"",
        "\"0b9d6a4e8f0e4f0c9a513c2d7e1f9a10\"", "\"{0b9d6a4e-8f0e-4f0c-9a51-3c2d7e1f9a10}\""})
    void onlyTheCanonicalFormIsAUuid(String value) {
        refused(mapper, "{\"id\":" + value + "}", Identified.class, "id");
    }

    @Test
    void aCanonicalUuidIsRead() throws Exception {
        assertThat(mapper.readValue("{\"id\":\"0B9D6A4E-8f0e-4f0c-9a51-3c2d7e1f9a10\"}", Identified.class).id())
                .isEqualTo(UUID.fromString("0b9d6a4e-8f0e-4f0c-9a51-3c2d7e1f9a10"));
    }

    private void refused(String json, Class<?> type, String field) {
        refused(mapper, json, type, field);
    }

    private static void refused(ObjectMapper mapper, String json, Class<?> type, String field) {
        assertThatThrownBy(() -> mapper.readValue(json, type))
                .isInstanceOf(MismatchedInputException.class)
                .satisfies(e -> assertThat(((MismatchedInputException) e).getPath().get(0).getFieldName())
                        .isEqualTo(field));
    }

    private static ObjectMapper strictMapper() {
        return StrictJson.applyTo(new ObjectMapper().registerModule(new JavaTimeModule()));
    }
}

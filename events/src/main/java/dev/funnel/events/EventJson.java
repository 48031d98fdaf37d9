package dev.funnel.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The one JSON mapping of the event contract: how every event is written to and read from a record value.
 *
 * <p>Writing gives camelCase fields, instants as ISO-8601 UTC strings ({@code 2026-11-26T10:15:30Z}), dates as
 * {@code 2026-11-26}, UUIDs as strings, and omits absent optional fields rather than writing {@code null}.
 *
 * <p>Reading follows the evolution rules: unknown fields are ignored, so a v1 consumer reads payloads from producers
 * that already write newer optional fields. Anything else the schema would refuse is refused with an
 * {@link EventDecodingException} naming the field: a missing or {@code null} required field (a missing number is
 * never read as 0), a value of the wrong type (no coercion of {@code "30"} to 30 or of 30.5 to 30), an unknown enum
 * constant, or a value that breaks the contract.
 *
 * <p>Thread-safe; all methods are static.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = StrictJson.applyTo(JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                    JsonInclude.Include.NON_NULL))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // The records mark their numbers required, which catches a missing number but not an explicit null.
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build());

    /** Keeps a dead-letter reason on one readable line whatever the producer sent. */
    private static final int MAX_SHOWN_LENGTH = 80;

    private EventJson() {
    }

    /**
     * @param event the event to write
     * @return its JSON payload as UTF-8 bytes
     */
    public static byte[] toBytes(FunnelEvent event) {
        try {
            return MAPPER.writeValueAsBytes(Objects.requireNonNull(event, "event"));
        } catch (JsonProcessingException e) {
            // Every component has a plain JSON form, so this means the mapping itself is broken.
            throw new UncheckedIOException("Cannot write " + event.type().eventName(), e);
        }
    }

    /**
     * @param event the event to write
     * @return its JSON payload
     */
    public static String toJson(FunnelEvent event) {
        try {
            return MAPPER.writeValueAsString(Objects.requireNonNull(event, "event"));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Cannot write " + event.type().eventName(), e);
        }
    }

    /**
     * Reads a payload whose event type is known.
     *
     * @param json the JSON payload as UTF-8 bytes
     * @param recordClass the event record class, for example {@code ProspectFound.class}
     * @param <T> the event record type
     * @return the event
     * @throws EventDecodingException if the payload is not a valid event of that type
     * @throws IllegalArgumentException if {@code recordClass} is not one of the event records
     */
    public static <T extends FunnelEvent> T fromBytes(byte[] json, Class<T> recordClass) {
        EventType type = EventType.of(recordClass);
        if (json == null || json.length == 0) {
            throw new EventDecodingException(prefix(type) + "empty payload", null);
        }
        try {
            return MAPPER.readValue(json, recordClass);
        } catch (IOException e) {
            throw decodingFailure(type, json, e);
        }
    }

    /**
     * Reads a payload whose event type is given by its CloudEvents type, as a consumer does with the {@code ce_type}
     * header.
     *
     * @param ceType the {@code ce_type} header value, one of {@link CloudEventTypes}
     * @param json the JSON payload as UTF-8 bytes
     * @return the event
     * @throws EventDecodingException if the type is missing or unknown, or the payload is not a valid event of it
     */
    public static FunnelEvent fromBytes(String ceType, byte[] json) {
        if (ceType == null) {
            throw new EventDecodingException("Cannot decode event: no ce_type given", null);
        }
        EventType type = EventType.fromCeType(ceType).orElseThrow(() -> new EventDecodingException(
                "Cannot decode event: unknown ce_type '" + shown(ceType) + "', expected one of " + knownCeTypes(),
                null));
        return fromBytes(json, type.recordClass());
    }

    /**
     * For code that needs the same mapping elsewhere, such as embedding an event in another JSON document.
     *
     * @return a copy of the configured mapper; changing it does not affect this class
     */
    public static ObjectMapper mapper() {
        return MAPPER.copy();
    }

    private static EventDecodingException decodingFailure(EventType type, byte[] json, IOException failure) {
        EventContractException violation = causeOfType(failure, EventContractException.class);
        if (violation != null) {
            return new EventDecodingException(prefix(type) + violation.getMessage(), violation.field(), failure);
        }
        if (failure instanceof StreamReadException malformed) {
            return new EventDecodingException(prefix(type) + "malformed JSON: " + malformed.getOriginalMessage(),
                    failure);
        }
        if (failure instanceof JsonMappingException mapping) {
            String field = topLevelField(mapping);
            if (field == null) {
                return new EventDecodingException(prefix(type) + "not a single JSON object: "
                        + mapping.getOriginalMessage(), failure);
            }
            return new EventDecodingException(prefix(type) + field + ": " + describe(json, field, mapping), field,
                    failure);
        }
        return new EventDecodingException(prefix(type) + failure.getMessage(), failure);
    }

    /** Reads the payload again, only on this failure path, to tell a missing or null field from a bad value. */
    private static String describe(byte[] json, String field, JsonMappingException failure) {
        JsonNode value;
        try {
            value = MAPPER.readTree(json).get(field);
        } catch (IOException e) {
            value = null;
        }
        if (value == null || value.isNull()) {
            return "is required";
        }
        Class<?> target = failure instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (target != null && target.isEnum()) {
            return shown(value.toString()) + " is not one of " + Arrays.toString(target.getEnumConstants());
        }
        return "cannot read " + shown(value.toString()) + (target == null ? "" : " as " + target.getSimpleName());
    }

    private static String topLevelField(JsonMappingException failure) {
        List<JsonMappingException.Reference> path = failure.getPath();
        return path.isEmpty() ? null : path.get(0).getFieldName();
    }

    private static <E extends Throwable> E causeOfType(Throwable failure, Class<E> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static String prefix(EventType type) {
        return "Cannot decode " + type.eventName() + ": ";
    }

    private static String knownCeTypes() {
        return Arrays.stream(EventType.values()).map(EventType::ceType).toList().toString();
    }

    private static String shown(String value) {
        return value.length() > MAX_SHOWN_LENGTH ? value.substring(0, MAX_SHOWN_LENGTH) + "..." : value;
    }
}

package dev.funnel.activity.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalQuery;

/**
 * Request bodies are read as written or refused, never coerced: {@code 1.5} is no whole number (Jackson would
 * store 1), {@code 0} no cadence (it would be DAILY), {@code true} no slug (it would be "true"), a date-time no
 * day (it would keep the date), and neither a repeated key (the last would win) nor anything after the body
 * (it would be ignored) is accepted. Each refusal reaches {@link JsonInputProblemMappers} as a 400 naming
 * the field.
 *
 * <p>Days and instants get their own deserializers: in Jackson 2.21 the jsr310 {@code InstantDeserializer}
 * ignores the coercion configs (it takes {@code 1700000000}, {@code 1.7e9} and {@code "1700000000"} as epoch
 * seconds), and {@code LocalDateDeserializer} takes {@code [2026,1,5]} whatever they say.
 */
@Singleton
public class StrictJsonCustomizer implements ObjectMapperCustomizer {

    /**
     * Last of all: Quarkus registers the jsr310 module in a customizer of its own at
     * {@link #QUARKUS_CUSTOMIZER_PRIORITY}, and the module registered last has the say over a type.
     */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    @SuppressWarnings("deprecation") // configure(MapperFeature) is the only switch for scalar coercion here
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        // "" is no id, number, day or cadence; without this an empty id became a freshly generated one.
        mapper.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("strict-iso-time")
                .addDeserializer(LocalDate.class, new IsoTextDeserializer<>(LocalDate.class,
                        DateTimeFormatter.ISO_LOCAL_DATE, LocalDate::from, "must be a date as YYYY-MM-DD"))
                .addDeserializer(Instant.class, new IsoTextDeserializer<>(Instant.class,
                        DateTimeFormatter.ISO_OFFSET_DATE_TIME, Instant::from,
                        "must be an ISO-8601 instant with an offset, such as 2026-01-05T09:30:00Z")));
    }

    /** A day or an instant only from an ISO-8601 string in exactly the expected form. */
    static final class IsoTextDeserializer<T> extends StdScalarDeserializer<T> {

        private final transient DateTimeFormatter format;
        private final transient TemporalQuery<T> query;
        private final String expected;

        IsoTextDeserializer(Class<T> type, DateTimeFormatter format, TemporalQuery<T> query, String expected) {
            super(type);
            this.format = format;
            this.query = query;
            this.expected = expected;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (T) context.handleUnexpectedToken(handledType(), parser);
            }
            String text = parser.getText();
            try {
                return format.parse(text, query);
            } catch (DateTimeParseException e) {
                return (T) context.handleWeirdStringValue(handledType(), text, expected);
            }
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.DateTime;
        }
    }
}

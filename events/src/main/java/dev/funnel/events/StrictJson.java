package dev.funnel.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalQuery;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * How the platform reads JSON: as written, or refused, never coerced. {@code 1.5} is no whole number (Jackson
 * would read 1), {@code 0} no enum constant, {@code true} or {@code 12} no text, {@code "5"} no number, {@code ""}
 * no id, number, choice or time, and neither a repeated key (the last would win) nor anything after the value (it
 * would be ignored) is accepted. {@link EventJson} reads events this way, and each service reads its request bodies
 * this way, so a client and a consumer meet the same rules.
 *
 * <p>Times get a wrapper of their own: jackson-datatype-jsr310 ignores the coercion settings (an instant takes
 * {@code 1700000000}, {@code 1.7e9} and {@code "1700000000"} as epoch seconds, a day takes {@code [2026,1,5]} and
 * keeps the date of {@code "2026-01-05T00:00:00Z"}), so every java.time value must be a JSON string, and the types
 * with an exact ISO-8601 form are read in exactly that form, as the schemas' {@code date-time} and {@code date}
 * formats say. Whatever module registered a java.time reader, this one wraps it.
 */
public final class StrictJson {

    /**
     * {@code 2026-12}: four digits of year, two of month. jsr310 would also take {@code +2026-12} and a year of five
     * digits, which the schemas' month pattern refuses.
     */
    private static final DateTimeFormatter YEAR_MONTH = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.YEAR, 4).appendLiteral('-').appendValue(ChronoField.MONTH_OF_YEAR, 2)
            .toFormatter().withResolverStyle(ResolverStyle.STRICT).withChronology(IsoChronology.INSTANCE);

    /** Instants, days, months and date-times in exactly these forms; other java.time types as jsr310 reads text. */
    private static final Map<Class<?>, IsoForm<?>> ISO_FORMS = Map.of(
            Instant.class, new IsoForm<>(DateTimeFormatter.ISO_INSTANT, Instant::from),
            OffsetDateTime.class, new IsoForm<>(DateTimeFormatter.ISO_OFFSET_DATE_TIME, OffsetDateTime::from),
            ZonedDateTime.class, new IsoForm<>(DateTimeFormatter.ISO_ZONED_DATE_TIME, ZonedDateTime::from),
            LocalDateTime.class, new IsoForm<>(DateTimeFormatter.ISO_LOCAL_DATE_TIME, LocalDateTime::from),
            LocalDate.class, new IsoForm<>(DateTimeFormatter.ISO_LOCAL_DATE, LocalDate::from),
            YearMonth.class, new IsoForm<>(YEAR_MONTH, YearMonth::from));

    /** Where ISO_INSTANT reads a leap second: it turns {@code 23:59:60} into {@code 23:59:59} without a word. */
    private static final Pattern LEAP_SECOND = Pattern.compile(".*T\\d{2}:\\d{2}:60.*");

    private StrictJson() {
    }

    /**
     * Sets the reading rules on a mapper that exists already (a framework's, or one just built). Writing and the
     * handling of unknown fields are left as they are.
     *
     * @param mapper the mapper to make strict
     * @return the same mapper
     */
    public static ObjectMapper applyTo(ObjectMapper mapper) {
        return applyTo(mapper, false);
    }

    /**
     * The same rules, for request bodies whose times are stored: an instant must also be one PostgreSQL keeps as
     * it was sent, to the microsecond and without a leap second. Otherwise the stored instant differs from the one
     * sent, and an identical retry of the request no longer matches what was stored.
     *
     * @param mapper the mapper to make strict
     * @return the same mapper
     */
    public static ObjectMapper applyToRequests(ObjectMapper mapper) {
        return applyTo(mapper, true);
    }

    @SuppressWarnings("deprecation") // a framework hands over a built mapper: no builder exists there
    private static ObjectMapper applyTo(ObjectMapper mapper, boolean storedInstants) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        // Strings are not "scalars" to Jackson, so the switch above still turns 42 or true into a string.
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        // Without this some types read "" as null: a generated id, a time defaulted to now.
        mapper.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        return mapper.registerModule(new SimpleModule(storedInstants ? "funnel-strict-request" : "funnel-strict")
                .setDeserializerModifier(new AsWritten(storedInstants)));
    }

    /**
     * Wraps the readers Jackson would otherwise let bend a value: every java.time type's (whichever module
     * registered it), the UUID reader (it also takes Base64 and shortened forms) and every enum's (it trims spaces,
     * tabs and control characters, so {@code "DAILY\\u0000"} would be read as {@code DAILY}).
     */
    private static final class AsWritten extends BeanDeserializerModifier {

        private static final long serialVersionUID = 1L;

        private final boolean storedInstants;

        AsWritten(boolean storedInstants) {
            this.storedInstants = storedInstants;
        }

        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                JsonDeserializer<?> deserializer) {
            Class<?> type = description.getBeanClass();
            if ("java.time".equals(type.getPackageName())) {
                return new TextOnly(deserializer, ISO_FORMS.get(type), storedInstants && type == Instant.class);
            }
            if (type == UUID.class) {
                return new CanonicalUuidOnly(deserializer);
            }
            return deserializer;
        }

        @Override
        public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                BeanDescription description, JsonDeserializer<?> deserializer) {
            return new ExactEnum(deserializer);
        }
    }

    /** A UUID in its canonical 36-character form only ({@link CanonicalUuid}). */
    private static final class CanonicalUuidOnly extends DelegatingDeserializer {

        private static final long serialVersionUID = 1L;

        CanonicalUuidOnly(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new CanonicalUuidOnly(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING) && CanonicalUuid.parse(parser.getText()).isEmpty()) {
                return context.handleWeirdStringValue(UUID.class, parser.getText(), "not a UUID in its 36-character"
                        + " form");
            }
            return super.deserialize(parser, context);
        }
    }

    /** An enum constant exactly as it is spelled, nothing around it. */
    private static final class ExactEnum extends DelegatingDeserializer {

        private static final long serialVersionUID = 1L;

        ExactEnum(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new ExactEnum(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING) && !parser.getText().equals(parser.getText().trim())) {
                return context.handleWeirdStringValue(handledType(), parser.getText(), "not one of the constants");
            }
            return super.deserialize(parser, context);
        }
    }

    /** A java.time value from a JSON string only, in its exact ISO-8601 form where it has one. */
    private static final class TextOnly extends DelegatingDeserializer {

        private static final long serialVersionUID = 1L;

        private final transient IsoForm<?> form;
        private final boolean stored;

        TextOnly(JsonDeserializer<?> delegate, IsoForm<?> form, boolean stored) {
            super(delegate);
            this.form = form;
            this.stored = stored;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new TextOnly(delegate, form, stored);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return context.handleUnexpectedToken(handledType(), parser);
            }
            if (form == null) {
                return super.deserialize(parser, context);
            }
            String text = parser.getText();
            Object value = handledType() == Instant.class ? UtcTimestamp.parseOrNull(text) : null;
            if (value == null) {
                try {
                    value = form.format().parse(text, form.query());
                } catch (DateTimeParseException e) {
                    return context.handleWeirdStringValue(handledType(), text, "not in its ISO-8601 form");
                }
            }
            if (stored && LEAP_SECOND.matcher(text).matches()) {
                return context.handleWeirdStringValue(handledType(), text, "a leap second, which is not kept");
            }
            if (stored && ((Instant) value).getNano() % 1_000 != 0) {
                return context.handleWeirdStringValue(handledType(), text, "finer than the microseconds kept");
            }
            return value;
        }
    }

    private record IsoForm<T>(DateTimeFormatter format, TemporalQuery<T> query) {
    }
}

package dev.funnel.prospect.api;

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
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Request bodies are read as sent or refused, never coerced: 1.5 is not rounded to 1, 0 is no enum constant,
 * {@code true} is no name, "5" is no number, a number is no instant, a key given twice and anything after the
 * body are errors. Each refusal reaches {@link JsonInputProblemMappers} and becomes a 400 naming the field.
 */
@Singleton
public class StrictJsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public int priority() {
        // Last, after Quarkus registered its modules: the strict Instant deserializer must replace theirs.
        return MINIMUM_PRIORITY;
    }

    @Override
    @SuppressWarnings("deprecation") // the mapper exists already; a builder is not an option in a customizer
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        // "" is no id, no choice, no number and no instant: without this some of them would read as null.
        mapper.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("strict-instants").addDeserializer(Instant.class, new IsoInstant()));
    }

    /**
     * An instant as an ISO-8601 string only. jackson-datatype-jsr310 reads numbers and digit strings as epoch
     * seconds whatever the coercion configuration says (1e400 became 1970-01-01), so those are refused here
     * and everything else is left to its deserializer.
     */
    static final class IsoInstant extends StdScalarDeserializer<Instant> {

        private static final Pattern EPOCH_NUMBER = Pattern.compile("[+-]?[0-9]+(\\.[0-9]*)?");

        IsoInstant() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            String text = parser.getText();
            if (EPOCH_NUMBER.matcher(text.strip()).matches()) {
                return (Instant) context.handleWeirdStringValue(Instant.class, text,
                        "an instant must be an ISO-8601 string such as 2026-01-05T09:30:00Z");
            }
            return InstantDeserializer.INSTANT.deserialize(parser, context);
        }
    }
}

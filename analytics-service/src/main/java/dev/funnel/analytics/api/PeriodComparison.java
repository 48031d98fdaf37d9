package dev.funnel.analytics.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnel.web.QueryParameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * {@code compare=previous} on every range question: "how does this month compare with the last one?" The previous
 * answer is asked exactly as the current one, over the previous range, and the deltas are taken from the two
 * answers as the client reads them, so that they cover every figure of every endpoint alike.
 */
@ApplicationScoped
class PeriodComparison {

    static final String PREVIOUS = "previous";

    private final ObjectMapper json;

    PeriodComparison(ObjectMapper json) {
        this.json = json;
    }

    /** {@code compare}: absent, or {@code previous} in any case; anything else is recorded as invalid. */
    static boolean requested(QueryParameters parameters, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        if (!value.strip().toLowerCase(Locale.ROOT).equals(PREVIOUS)) {
            parameters.invalid("compare", "must be previous but was " + QueryParameters.shown(value));
            return false;
        }
        return true;
    }

    /** The answer alone, or with the previous period's and the deltas when {@code compare} asked for them. */
    <T> Compared<T> answer(boolean compare, T answer, Supplier<T> previousAnswer) {
        if (!compare) {
            return new Compared<>(answer, null, null);
        }
        T previous = previousAnswer.get();
        JsonNode deltas = Deltas.between(json.valueToTree(answer), json.valueToTree(previous));
        return new Compared<>(answer, previous, deltas);
    }
}

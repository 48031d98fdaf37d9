package dev.funnel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.funnel.events.StrictJson;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonRefusalTest {

    record Item(String name, int minutes, LocalDate on) {
    }

    record Batch(List<Item> items) {
    }

    private final ObjectMapper mapper = StrictJson.applyTo(new ObjectMapper().registerModule(new JavaTimeModule()));

    @Test
    void aNumberOutOfRangeIsNamedByItsPathWithTheRangeItMustFit() {
        JsonRefusal refusal = refusal("{\"items\":[{\"name\":\"a\",\"minutes\":2147483648}]}");

        assertThat(refusal.field()).isEqualTo("items[0].minutes");
        assertThat(refusal.message()).isEqualTo("must be a whole number from -2147483648 to 2147483647");
    }

    @Test
    void aKeyGivenTwiceIsNamedWhereTheParserStood() {
        JsonRefusal refusal = refusal("{\"items\":[{\"name\":\"a\",\"name\":\"b\"}]}");

        assertThat(refusal.field()).isEqualTo("items[0].name");
        assertThat(refusal.message()).isEqualTo("appears more than once in the same object");
    }

    @Test
    void aDateThatIsNoDateSaysWhatADateLooksLike() {
        JsonRefusal refusal = refusal("{\"items\":[{\"on\":\"2026-02-30\"}]}");

        assertThat(refusal.field()).isEqualTo("items[0].on");
        assertThat(refusal.message()).isEqualTo("must be a date as YYYY-MM-DD");
    }

    @Test
    void malformedJsonIsTheWholeBodyWithWhereItBroke() {
        JsonRefusal refusal = refusal("{\"items\": [}");

        assertThat(refusal.message()).startsWith("is not valid JSON");
        assertThat(refusal.detail()).contains("at line 1, column");
    }

    private JsonRefusal refusal(String json) {
        return JsonRefusal.of(catchThrowableOfType(JsonProcessingException.class,
                () -> mapper.readValue(json, Batch.class)));
    }
}

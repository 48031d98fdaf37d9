package dev.funnel.webapp.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.webapp.view.FormErrors;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TodayPageTest {

    @Test
    void aRefusedCostLandsNextToTheAmountTypedAndOtherFieldsKeepTheirNames() {
        FormErrors api = new FormErrors("Bad Request: 3 fields are invalid", Map.of(
                "minutesSpent", "must be less than or equal to 1440",
                "costMinor", "must be greater than or equal to 0",
                "performedOn", "must not be after tomorrow"));

        FormErrors shown = TodayPage.onInputs(api);

        assertThat(shown.summary()).isEqualTo(api.summary());
        assertThat(shown.of("minutesSpent")).isEqualTo("must be less than or equal to 1440");
        assertThat(shown.of("cost")).isEqualTo("must be greater than or equal to 0");
        assertThat(shown.has("costMinor")).isFalse();
        assertThat(shown.of("performedOn")).isEqualTo("must not be after tomorrow");
    }
}

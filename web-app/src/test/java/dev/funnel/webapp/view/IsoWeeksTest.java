package dev.funnel.webapp.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IsoWeeksTest {

    @Test
    void theLastTwelveIsoWeeksStartOnAMondayAndEndToday() {
        // Thursday 2026-12-03 is in 2026-W49; eleven weeks before its Monday (11-30) is Monday 2026-09-14.
        assertThat(IsoWeeks.last(12, LocalDate.parse("2026-12-03")))
                .isEqualTo(new IsoWeeks("2026-09-14", "2026-12-03"));
        assertThat(IsoWeeks.last(1, LocalDate.parse("2026-11-30")))
                .isEqualTo(new IsoWeeks("2026-11-30", "2026-11-30"));
    }

    @Test
    void whatIsTypedGoesAsItIsAndWhatIsLeftEmptyIsTheDefault() {
        IsoWeeks defaults = new IsoWeeks("2026-09-14", "2026-12-03");
        assertThat(defaults.orTyped(" 2026-03-10 ", "no date")).isEqualTo(new IsoWeeks("2026-03-10", "no date"));
        assertThat(defaults.orTyped("", null)).isEqualTo(defaults);
    }
}

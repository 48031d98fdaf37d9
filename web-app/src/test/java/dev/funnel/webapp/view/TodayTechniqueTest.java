package dev.funnel.webapp.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.webapp.client.ActivityApi.Technique;
import dev.funnel.webapp.client.Cadence;
import dev.funnel.webapp.client.GardenInsightsApi.Status;
import dev.funnel.webapp.client.GardenInsightsApi.TechniqueConsistency;
import dev.funnel.webapp.client.GardenInsightsApi.TypicalLag;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TodayTechniqueTest {

    private static final LocalDate WED_2_DEC = LocalDate.of(2026, 12, 2);
    private static final LocalDate SEPTEMBER = LocalDate.of(2026, 9, 14);
    private static final TypicalLag LAG = new TypicalLag(30, 5, 3);

    @Test
    void theRunningPeriodIsKeptByWorkOnAnyOfItsDays() {
        assertThat(row(Cadence.WEEKLY, LocalDate.of(2026, 11, 30), WED_2_DEC).keptNow()).isTrue();
        assertThat(row(Cadence.WEEKLY, LocalDate.of(2026, 11, 29), WED_2_DEC).keptNow()).isFalse();
        assertThat(row(Cadence.DAILY, WED_2_DEC, WED_2_DEC).keptNow()).isTrue();
        assertThat(row(Cadence.DAILY, WED_2_DEC.minusDays(1), WED_2_DEC).keptNow()).isFalse();
    }

    @Test
    void onAWeekendAWeekdaysTechniqueHasNothingRunningToKeep() {
        LocalDate saturday = LocalDate.of(2026, 12, 5);
        TodayTechnique row = row(Cadence.WEEKDAYS, saturday, saturday);

        assertThat(row.keptNow()).isFalse();
        assertThat(row.weekendOff()).isTrue();
    }

    @Test
    void theFiguresAreTheServicesAndReadInWords() {
        TodayTechnique row = row(Cadence.WEEKDAYS, WED_2_DEC, WED_2_DEC);

        assertThat(row.currentStreak()).isEqualTo(48);
        assertThat(row.streakUnit()).isEqualTo("weekdays");
        assertThat(row.habitStrength()).isEqualTo(0.9335883365528984);
        assertThat(row.strengthPercent()).isEqualTo("93%");
        assertThat(row.statusWords()).isEqualTo("Growing");
        assertThat(row.risk()).isNull();
    }

    @Test
    void aTechniqueTheAnalyticsDoNotKnowYetShowsNoFigures() {
        TodayTechnique row = TodayTechnique.of(technique(Cadence.DAILY), null, null, LAG, WED_2_DEC,
                TodayTechnique.Water.blank());

        assertThat(row.figures()).isFalse();
        assertThat(row.currentStreak()).isZero();
        assertThat(row.status()).isNull();
        assertThat(row.sprout()).isEmpty();
    }

    private static TodayTechnique row(Cadence cadence, LocalDate lastActivity, LocalDate today) {
        TechniqueConsistency consistency = new TechniqueConsistency("daily", "Daily posts", cadence, SEPTEMBER,
                lastActivity, 65, 48, 48, 1.0, 48, 48, 0.9335883365528984, 6, Status.GROWING);
        return TodayTechnique.of(technique(cadence), consistency, null, LAG, today, TodayTechnique.Water.blank());
    }

    private static Technique technique(Cadence cadence) {
        Instant defined = Instant.parse("2026-09-01T10:00:00Z");
        return new Technique("daily", "Daily posts", cadence, defined, defined);
    }
}

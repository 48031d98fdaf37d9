package dev.funnel.analytics.insights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.events.Cadence;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodsTest {

    private static final LocalDate MONDAY = LocalDate.of(2001, 1, 1);

    @Test
    void aFridayAndTheNextMondayAreConsecutiveWeekdays() {
        Periods weekdays = Periods.of(Cadence.WEEKDAYS);
        long friday = weekdays.containing(MONDAY.plusDays(4)).orElseThrow();
        long monday = weekdays.containing(MONDAY.plusDays(7)).orElseThrow();

        assertThat(monday).isEqualTo(friday + 1);
        assertThat(weekdays.containing(MONDAY.plusDays(5))).isEmpty();
        assertThat(weekdays.containing(MONDAY.plusDays(6))).isEmpty();
        assertThat(weekdays.latestBeginningBy(MONDAY.plusDays(6))).isEqualTo(friday);
        assertThat(weekdays.containingOrNext(MONDAY.plusDays(5))).isEqualTo(monday);
        assertThat(weekdays.firstDay(monday)).isEqualTo(MONDAY.plusDays(7));
    }

    @Test
    void anIsoWeekRunsFromMondayToSunday() {
        Periods weekly = Periods.of(Cadence.WEEKLY);
        long week = weekly.containing(MONDAY.plusDays(3)).orElseThrow();

        assertThat(weekly.firstDay(week)).isEqualTo(MONDAY);
        assertThat(weekly.containing(MONDAY.plusDays(6)).orElseThrow()).isEqualTo(week);
        assertThat(weekly.containing(MONDAY.plusDays(7)).orElseThrow()).isEqualTo(week + 1);
    }

    @Test
    void daysBefore1970AreNumberedTheSameWay() {
        LocalDate monday = LocalDate.of(1969, 12, 29);
        for (Cadence cadence : Cadence.values()) {
            Periods periods = Periods.of(cadence);
            long period = periods.containing(monday).orElseThrow();
            assertThat(periods.firstDay(period)).as(cadence.name()).isEqualTo(monday);
            assertThat(periods.firstDay(period - 1)).as(cadence.name())
                    .isEqualTo(cadence == Cadence.WEEKLY ? monday.minusDays(7)
                            : cadence == Cadence.WEEKDAYS ? monday.minusDays(3) : monday.minusDays(1));
        }
    }
}

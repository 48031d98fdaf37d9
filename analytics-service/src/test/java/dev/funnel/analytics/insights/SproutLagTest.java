package dev.funnel.analytics.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SproutLagTest {

    private static final LocalDate DAY0 = LocalDate.of(2001, 1, 1);

    @Test
    void theLagRunsFromTheFirstActivityToTheFirstProspect() {
        assertThat(SproutLag.days(DAY0.plusDays(5), DAY0.plusDays(25))).isEqualTo(20L);
        assertThat(SproutLag.days(DAY0, DAY0)).isZero();
    }

    @Test
    void aLagNeedsBothEndsInOrder() {
        assertThat(SproutLag.days(null, DAY0)).isNull();
        assertThat(SproutLag.days(DAY0, null)).isNull();
        // The prospect came before any logged work: the work that brought it is unknown.
        assertThat(SproutLag.days(DAY0.plusDays(1), DAY0)).isNull();
    }

    @Test
    void theTypicalLagIsTheNearestRankMedian() {
        assertThat(SproutLag.typicalDays(List.of(25L, 14L, 20L))).isEqualTo(20);
        // Four lags: rank ceil(0.5 * 4) = 2, the lower middle, never an average.
        assertThat(SproutLag.typicalDays(List.of(30L, 14L, 25L, 20L))).isEqualTo(20);
        assertThat(SproutLag.typicalDays(List.of(9L))).isEqualTo(9);
    }

    @Test
    void withoutAnyLagTheTypicalOneIsSixWeeks() {
        assertThat(SproutLag.typicalDays(List.of())).isEqualTo(42);
        assertThat(SproutLag.weeks(42)).isEqualTo(6);
    }

    @Test
    void weeksAreRoundedUpAndAtLeastOne() {
        assertThat(SproutLag.weeks(0)).isEqualTo(1);
        assertThat(SproutLag.weeks(7)).isEqualTo(1);
        assertThat(SproutLag.weeks(8)).isEqualTo(2);
        assertThat(SproutLag.weeks(20)).isEqualTo(3);
    }

    @Test
    void progressCountsWeeksFromOne() {
        assertThat(SproutLag.progress(0, 20)).isEqualTo("week 1 of a typical 3-week lag");
        assertThat(SproutLag.progress(6, 20)).isEqualTo("week 1 of a typical 3-week lag");
        assertThat(SproutLag.progress(13, 20)).isEqualTo("week 2 of a typical 3-week lag");
        assertThat(SproutLag.progress(65, 20)).isEqualTo("week 10 of a typical 3-week lag");
        assertThat(SproutLag.progress(10, 42)).isEqualTo("week 2 of a typical 6-week lag");
    }
}

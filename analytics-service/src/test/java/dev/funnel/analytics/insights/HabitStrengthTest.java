package dev.funnel.analytics.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.funnel.events.Cadence;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Loop Habit Tracker's score, checked against values worked out by hand: for a DAILY habit every kept day moves the
 * score to {@code 1 - (1 - s) m}, every missed one to {@code s m}, so runs of days have closed forms.
 */
class HabitStrengthTest {

    private static final Offset<Double> EXACT = within(1e-12);
    private static final LocalDate DAY0 = LocalDate.of(2001, 1, 1);
    private static final double M_DAILY = Math.pow(0.5, 1 / 13.0);
    private static final double M_WEEKLY = Math.pow(0.5, Math.sqrt(1 / 7.0) / 13);

    @Test
    void eachCadencePlansItsRepetitionsInItsWindowDoubledBelowOneADay() {
        assertThat(HabitStrength.target(Cadence.DAILY)).isEqualTo(1);
        assertThat(HabitStrength.window(Cadence.DAILY)).isEqualTo(1);
        assertThat(HabitStrength.target(Cadence.WEEKDAYS)).isEqualTo(10);
        assertThat(HabitStrength.window(Cadence.WEEKDAYS)).isEqualTo(14);
        assertThat(HabitStrength.target(Cadence.WEEKLY)).isEqualTo(2);
        assertThat(HabitStrength.window(Cadence.WEEKLY)).isEqualTo(14);
    }

    @Test
    void theMultiplierHalvesTheScoreIn13DaysForADailyHabit() {
        assertThat(HabitStrength.multiplier(Cadence.DAILY)).isCloseTo(0.9480775143391714, EXACT);
        assertThat(HabitStrength.multiplier(Cadence.WEEKDAYS)).isCloseTo(0.9559374552530502, EXACT);
        assertThat(HabitStrength.multiplier(Cadence.WEEKLY)).isCloseTo(0.980049015270599, EXACT);
        assertThat(Math.pow(HabitStrength.multiplier(Cadence.DAILY), 13)).isCloseTo(0.5, EXACT);
    }

    @Test
    void oneDailyRepetitionGivesOneMinusM() {
        assertThat(score(Cadence.DAILY, Set.of(0), 0, 0)).isCloseTo(1 - M_DAILY, EXACT)
                .isCloseTo(0.0519224856608286, EXACT);
    }

    @Test
    void nDaysInARowGiveOneMinusMToTheN() {
        assertThat(score(Cadence.DAILY, days(0, 29), 0, 29)).isCloseTo(1 - Math.pow(M_DAILY, 30), EXACT);
    }

    @Test
    void aDailyHabitKeptSixtyDaysWithOneBreakAndAskedTheDayAfter() {
        // Days 5..64 but 35, asked on day 65 with nothing logged yet: 30 kept, 1 missed, 29 kept, 1 open.
        // s34 = 1 - m^30; s35 = m s34; s64 = 1 - (1 - s35) m^29; s65 = m s64 = m - m^30 + m^31 - m^61.
        Set<Integer> kept = days(5, 64);
        kept.remove(35);
        double m = M_DAILY;

        assertThat(score(Cadence.DAILY, kept, 5, 65))
                .isCloseTo(m - Math.pow(m, 30) + Math.pow(m, 31) - Math.pow(m, 61), EXACT)
                .isCloseTo(0.8989110945867305, EXACT);
    }

    @Test
    void aDailyHabitAbandonedAfterTwelveDaysDecays() {
        assertThat(score(Cadence.DAILY, days(0, 11), 0, 65))
                .isCloseTo((1 - Math.pow(M_DAILY, 12)) * Math.pow(M_DAILY, 54), EXACT)
                .isCloseTo(0.026550763501622218, EXACT);
    }

    @Test
    void aWeeklyRepetitionFillsHalfOfTwoOfFourteenForFourteenDays() {
        double m = M_WEEKLY;
        assertThat(score(Cadence.WEEKLY, Set.of(0), 0, 13)).isCloseTo(0.5 * (1 - Math.pow(m, 14)), EXACT);
        // Day 14: the repetition left the window, the share is 0.
        assertThat(score(Cadence.WEEKLY, Set.of(0), 0, 14)).isCloseTo(0.5 * (1 - Math.pow(m, 14)) * m, EXACT);
    }

    @Test
    void aWeeklyHabitDoneOnAMondayAndTheNextWeeksSundayIsFullyKept() {
        // Day 0 a Monday, day 13 the Sunday after: both in the 14-day window on day 13, share 2/2.
        double m = M_WEEKLY;
        double throughSaturday = 0.5 * (1 - Math.pow(m, 13));
        assertThat(score(Cadence.WEEKLY, Set.of(0, 13), 0, 13))
                .isCloseTo(throughSaturday * m + (1 - m), EXACT);
    }

    @Test
    void weeklyHabitsOfTheScenario() {
        double m = M_WEEKLY;
        // Mondays 0, 7, 14, 21: share 1/2 for 7 days, 1 for 21, 1/2 for 7, then 0 up to day 65 (31 days).
        double s6 = 0.5 * (1 - Math.pow(m, 7));
        double s27 = 1 - (1 - s6) * Math.pow(m, 21);
        double s34 = 0.5 - (0.5 - s27) * Math.pow(m, 7);
        assertThat(score(Cadence.WEEKLY, Set.of(0, 7, 14, 21), 0, 65)).isCloseTo(s34 * Math.pow(m, 31), EXACT)
                .isCloseTo(0.2156925989557522, EXACT);
        // Thursdays 52 and 59, asked on day 65: share 1/2 for 7 days, then 1 for 7.
        double s58 = 0.5 * (1 - Math.pow(m, 7));
        assertThat(score(Cadence.WEEKLY, Set.of(52, 59), 52, 65)).isCloseTo(1 - (1 - s58) * Math.pow(m, 7), EXACT)
                .isCloseTo(0.1887003278398465, EXACT);
    }

    @Test
    void aWeekdaysHabitCountsEveryRepetitionInItsWindowWeekendsIncluded() {
        // Every weekday from day 7 (a Monday) to day 64, and Saturday day 12; asked on day 65. Computed with a
        // transcription of Loop's ScoreList.recompute.
        Set<Integer> kept = new HashSet<>(Set.of(12));
        IntStream.rangeClosed(7, 64).filter(day -> day % 7 < 5).forEach(kept::add);

        assertThat(score(Cadence.WEEKDAYS, kept, 7, 65)).isCloseTo(0.9072764605979502, EXACT);
    }

    @Test
    void repetitionsOutsideTheDaysAskedAboutAreIgnored() {
        assertThat(score(Cadence.DAILY, Set.of(-3, 0, 5), 0, 0)).isCloseTo(1 - M_DAILY, EXACT);
        assertThat(score(Cadence.WEEKLY, Set.of(-1, 0), 0, 0)).isCloseTo(0.5 * (1 - M_WEEKLY), EXACT);
    }

    @Test
    void aTechniqueQuietForYearsDecaysByOnePower() {
        // 25 years after twelve days of work: 9,000 days of m, 1e-208 or so, and no walk through them.
        int asOf = 12 + 9000;
        assertThat(score(Cadence.DAILY, days(0, 11), 0, asOf))
                .isCloseTo((1 - Math.pow(M_DAILY, 12)) * Math.pow(M_DAILY, asOf - 11), withinPercentage(1e-9));
        assertThat(score(Cadence.DAILY, Set.of(), 0, 100)).isZero();
    }

    @Test
    void theScoreNeverExceedsOne() {
        assertThat(score(Cadence.WEEKDAYS, days(0, 3000), 0, 3000)).isLessThanOrEqualTo(1.0).isGreaterThan(0.999);
    }

    private static double score(Cadence cadence, Set<Integer> kept, int first, int asOf) {
        NavigableSet<LocalDate> repetitions = new TreeSet<>();
        kept.forEach(day -> repetitions.add(DAY0.plusDays(day)));
        return HabitStrength.score(cadence, repetitions, DAY0.plusDays(first), DAY0.plusDays(asOf));
    }

    private static Set<Integer> days(int first, int last) {
        Set<Integer> days = new HashSet<>();
        IntStream.rangeClosed(first, last).forEach(days::add);
        return days;
    }
}

package dev.funnel.analytics.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.funnel.events.Cadence;
import java.time.LocalDate;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Streaks, quiet techniques and planned periods, on days counted from day 0, Monday 2001-01-01. */
class PeriodRecordTest {

    private static final LocalDate DAY0 = LocalDate.of(2001, 1, 1);

    @Test
    void aDailyTechniqueKeptSixtyDaysWithOneBreak() {
        NavigableSet<LocalDate> kept = days(5, 64);
        kept.remove(day(35));

        PeriodRecord record = new PeriodRecord(Cadence.DAILY, day(5), kept, day(65));

        // Day 65 is running with nothing logged yet: it neither breaks the streak nor counts as planned.
        assertThat(record.currentStreak()).isEqualTo(29);
        assertThat(record.longestStreak()).isEqualTo(30);
        assertThat(record.planned(range(0, 65))).isEqualTo(60);
        assertThat(record.kept(range(0, 65))).isEqualTo(59);
        assertThat(record.quiet()).isFalse();
    }

    @Test
    void theRunningDayCountsOnceKept() {
        PeriodRecord record = new PeriodRecord(Cadence.DAILY, day(0), days(0, 9), day(9));

        assertThat(record.currentStreak()).isEqualTo(10);
        assertThat(record.planned(range(0, 9))).isEqualTo(10);
        assertThat(record.kept(range(9, 9))).isEqualTo(1);
    }

    @Test
    void weekendsNeverBreakAWeekdaysStreak() {
        NavigableSet<LocalDate> weekdays = weekdays(7, 64);

        assertThat(new PeriodRecord(Cadence.WEEKDAYS, day(7), weekdays, day(65)).currentStreak()).isEqualTo(42);
        // Asked on a Saturday: no period is running, Friday's is the latest complete one.
        PeriodRecord saturday = new PeriodRecord(Cadence.WEEKDAYS, day(7), weekdays(7, 61), day(61));
        assertThat(saturday.currentStreak()).isEqualTo(40);
        assertThat(saturday.longestStreak()).isEqualTo(40);
        assertThat(saturday.planned(range(56, 61))).isEqualTo(5);
        assertThat(saturday.kept(range(56, 61))).isEqualTo(5);
    }

    @Test
    void aWeekendActivityOfAWeekdaysTechniqueFillsNoPeriod() {
        NavigableSet<LocalDate> kept = weekdays(7, 11);
        kept.add(day(12));

        PeriodRecord record = new PeriodRecord(Cadence.WEEKDAYS, day(7), kept, day(13));

        assertThat(record.currentStreak()).isEqualTo(5);
        assertThat(record.planned(range(12, 13))).isZero();
        // ...but it is a sign of life: on Sunday day 20 the last three weekdays (16, 17, 18) were empty, but
        // Saturday 19 was worked.
        NavigableSet<LocalDate> weekendOnly = weekdays(7, 7);
        weekendOnly.add(day(19));
        assertThat(new PeriodRecord(Cadence.WEEKDAYS, day(7), weekendOnly, day(20)).quiet()).isFalse();
    }

    @Test
    void theRunningWeekDoesNotBreakAWeeklyStreak() {
        NavigableSet<LocalDate> thursdays = new TreeSet<>();
        thursdays.add(day(52));
        thursdays.add(day(59));

        PeriodRecord wednesday = new PeriodRecord(Cadence.WEEKLY, day(52), thursdays, day(65));

        assertThat(wednesday.currentStreak()).isEqualTo(2);
        assertThat(wednesday.planned(range(0, 69))).isEqualTo(2);
        assertThat(wednesday.kept(range(0, 69))).isEqualTo(2);
        assertThat(wednesday.quiet()).isFalse();
        // The week of day 58 is running and not kept yet on that Wednesday; on Thursday 59 it is.
        NavigableSet<LocalDate> first = new TreeSet<>(thursdays.headSet(day(58), true));
        PeriodRecord before = new PeriodRecord(Cadence.WEEKLY, day(52), first, day(58));
        assertThat(before.currentStreak()).isEqualTo(1);
        assertThat(before.planned(range(49, 58))).isEqualTo(1);
        assertThat(new PeriodRecord(Cadence.WEEKLY, day(52), thursdays, day(59)).currentStreak()).isEqualTo(2);
    }

    @Test
    void aWeekThatOverlapsTheRangeCountsWhole() {
        NavigableSet<LocalDate> sunday = new TreeSet<>();
        sunday.add(day(6));

        PeriodRecord record = new PeriodRecord(Cadence.WEEKLY, day(6), sunday, day(20));

        // The range is Wednesday day 2 only; the week's Sunday activity keeps it.
        assertThat(record.planned(range(2, 2))).isEqualTo(1);
        assertThat(record.kept(range(2, 2))).isEqualTo(1);
        assertThat(record.planned(range(0, 20))).isEqualTo(2);
    }

    @Test
    void quietAfterThreeCompletePeriodsWithoutActivity() {
        NavigableSet<LocalDate> twelveDays = days(0, 11);

        // On day 14 the last three complete days are 11, 12, 13: day 11 was worked.
        assertThat(new PeriodRecord(Cadence.DAILY, day(0), twelveDays, day(14)).quiet()).isFalse();
        assertThat(new PeriodRecord(Cadence.DAILY, day(0), twelveDays, day(15)).quiet()).isTrue();
        assertThat(new PeriodRecord(Cadence.DAILY, day(0), twelveDays, day(65)).quiet()).isTrue();
        NavigableSet<LocalDate> mondays = new TreeSet<>();
        IntStream.of(0, 7, 14, 21).forEach(day -> mondays.add(day(day)));
        // Weeks 5, 6 and 7 (days 28..48) complete and empty by week 8.
        assertThat(new PeriodRecord(Cadence.WEEKLY, day(0), mondays, day(48)).quiet()).isFalse();
        assertThat(new PeriodRecord(Cadence.WEEKLY, day(0), mondays, day(49)).quiet()).isTrue();
    }

    @Test
    void aTechniqueNeverWorkedGoesQuietThreePeriodsAfterItsDefinition() {
        assertThat(new PeriodRecord(Cadence.DAILY, day(20), new TreeSet<>(), day(22)).quiet()).isFalse();
        PeriodRecord record = new PeriodRecord(Cadence.DAILY, day(20), new TreeSet<>(), day(23));
        assertThat(record.quiet()).isTrue();
        assertThat(record.planned(range(0, 23))).isEqualTo(3);
        assertThat(record.kept(range(0, 23))).isZero();
        assertThat(record.currentStreak()).isZero();
        assertThat(record.longestStreak()).isZero();
    }

    @Test
    void periodsOutsideTheTechniquesLifeAreNotPlanned() {
        PeriodRecord record = new PeriodRecord(Cadence.DAILY, day(10), days(10, 12), day(20));

        assertThat(record.planned(range(0, 9))).isZero();
        assertThat(record.planned(range(21, 30))).isZero();
        assertThat(record.planned(range(5, 30))).isEqualTo(10);
    }

    @Test
    void activitiesAfterTheDayAskedAboutAreRefused() {
        assertThatThrownBy(() -> new PeriodRecord(Cadence.DAILY, day(0), days(0, 5), day(4)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static LocalDate day(int day) {
        return DAY0.plusDays(day);
    }

    private static DateRange range(int from, int to) {
        return new DateRange(day(from), day(to));
    }

    private static NavigableSet<LocalDate> days(int first, int last) {
        NavigableSet<LocalDate> days = new TreeSet<>();
        IntStream.rangeClosed(first, last).forEach(day -> days.add(day(day)));
        return days;
    }

    private static NavigableSet<LocalDate> weekdays(int first, int last) {
        NavigableSet<LocalDate> days = new TreeSet<>();
        IntStream.rangeClosed(first, last).filter(day -> day % 7 < 5).forEach(day -> days.add(day(day)));
        return days;
    }
}

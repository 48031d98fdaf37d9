package dev.funnel.webapp.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.webapp.client.Cadence;
import dev.funnel.webapp.view.GardenCalendar.Cell;
import dev.funnel.webapp.view.GardenCalendar.State;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Today is Wednesday 2 December 2026 (ISO week 49, from Monday 30 November) unless a test names another day. */
class GardenCalendarTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final LocalDate LONG_AGO = LocalDate.of(2026, 1, 1);

    @Test
    void twelveIsoWeeksMondayFirstEndingWithTheWeekOfToday() {
        GardenCalendar calendar = GardenCalendar.of(Cadence.DAILY, LONG_AGO, Map.of(), TODAY, GardenCalendar.WEEKS);

        assertThat(calendar.weeks()).hasSize(12);
        assertThat(calendar.weeks().get(11).monday()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(calendar.weeks().get(0).monday()).isEqualTo(LocalDate.of(2026, 9, 14));
        assertThat(calendar.weeks().get(11).label()).isEqualTo("W49, 30 Nov");
        assertThat(calendar.weeks()).allSatisfy(week -> {
            assertThat(week.days()).hasSize(7);
            assertThat(week.days().get(0).day().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        });
        assertThat(calendar.cells()).filteredOn(Cell::today).singleElement()
                .satisfies(cell -> assertThat(cell.day()).isEqualTo(TODAY));
    }

    @Test
    void aDailyTechniqueKeepsTheDaysWorkedMissesTheOthersAndTodayRunsUntilWatered() {
        Map<LocalDate, Integer> worked = new TreeMap<>(Map.of(day(11, 30), 20, day(12, 1), 0));

        GardenCalendar calendar = GardenCalendar.of(Cadence.DAILY, day(11, 25), worked, TODAY, 2);

        assertThat(state(calendar, day(11, 24))).isEqualTo(State.NONE);      // before it began
        assertThat(state(calendar, day(11, 25))).isEqualTo(State.MISSED);    // its first day, not worked
        assertThat(state(calendar, day(11, 30))).isEqualTo(State.KEPT);
        assertThat(state(calendar, day(12, 1))).isEqualTo(State.KEPT);       // worked for 0 minutes still counts
        assertThat(state(calendar, TODAY)).isEqualTo(State.RUNNING);
        assertThat(state(calendar, day(12, 3))).isEqualTo(State.PLANNED);
        assertThat(state(calendar, day(12, 6))).isEqualTo(State.PLANNED);
        assertThat(cell(calendar, day(11, 30)).label()).isEqualTo("Monday 30 November 2026: kept, worked 20 minutes");
        assertThat(cell(calendar, TODAY).label())
                .isEqualTo("Wednesday 2 December 2026 (today): running, not worked yet");
    }

    @Test
    void todayWateredIsKept() {
        GardenCalendar calendar = GardenCalendar.of(Cadence.DAILY, LONG_AGO, Map.of(TODAY, 15), TODAY, 1);

        assertThat(state(calendar, TODAY)).isEqualTo(State.KEPT);
        assertThat(cell(calendar, TODAY).symbol()).isEqualTo("\u25CF");
    }

    @Test
    void aWeekdaysTechniquePlansNoWeekendAndAWeekendActivityShowsButKeepsNothing() {
        Map<LocalDate, Integer> worked = Map.of(day(11, 26), 30, day(11, 28), 45);

        GardenCalendar calendar = GardenCalendar.of(Cadence.WEEKDAYS, LONG_AGO, worked, TODAY, 2);

        assertThat(state(calendar, day(11, 26))).isEqualTo(State.KEPT);
        assertThat(state(calendar, day(11, 27))).isEqualTo(State.MISSED);    // Friday
        Cell saturday = cell(calendar, day(11, 28));
        assertThat(saturday.state()).isEqualTo(State.NONE);
        assertThat(saturday.worked()).isTrue();
        assertThat(saturday.symbol()).isEqualTo("+");
        assertThat(state(calendar, day(11, 29))).isEqualTo(State.NONE);      // Sunday
        assertThat(state(calendar, day(11, 30))).isEqualTo(State.MISSED);    // Monday
        assertThat(state(calendar, TODAY)).isEqualTo(State.RUNNING);
        assertThat(state(calendar, day(12, 4))).isEqualTo(State.PLANNED);    // Friday to come
        assertThat(state(calendar, day(12, 5))).isEqualTo(State.NONE);       // Saturday to come
    }

    @Test
    void onASaturdayNothingRunsForAWeekdaysTechniqueAndItsFridayIsOver() {
        LocalDate saturday = day(12, 5);

        GardenCalendar calendar = GardenCalendar.of(Cadence.WEEKDAYS, LONG_AGO, Map.of(), saturday, 1);

        assertThat(state(calendar, day(12, 4))).isEqualTo(State.MISSED);
        assertThat(state(calendar, saturday)).isEqualTo(State.NONE);
        assertThat(calendar.cells()).noneMatch(cell -> cell.state() == State.RUNNING);
    }

    @Test
    void aWeeklyTechniqueKeepsItsWholeWeekByOneDayWorked() {
        Map<LocalDate, Integer> worked = Map.of(day(11, 19), 60);

        GardenCalendar calendar = GardenCalendar.of(Cadence.WEEKLY, LONG_AGO, worked, TODAY, 3);

        // Week of 16 November: kept on Thursday, so every day of it reads kept; the day worked stands out.
        assertThat(calendar.weeks().get(0).days()).allMatch(cell -> cell.state() == State.KEPT);
        assertThat(cell(calendar, day(11, 19)).symbol()).isEqualTo("\u25CF");
        assertThat(cell(calendar, day(11, 16)).symbol()).isEqualTo("\u2713");
        // Week of 23 November: over and not worked.
        assertThat(calendar.weeks().get(1).days()).allMatch(cell -> cell.state() == State.MISSED);
        // The running week, not worked yet: running up to today, planned after.
        assertThat(state(calendar, day(11, 30))).isEqualTo(State.RUNNING);
        assertThat(state(calendar, TODAY)).isEqualTo(State.RUNNING);
        assertThat(state(calendar, day(12, 3))).isEqualTo(State.PLANNED);
        assertThat(state(calendar, day(12, 6))).isEqualTo(State.PLANNED);
    }

    @Test
    void aWeeklyTechniqueWateredThisWeekIsKeptForTheRestOfIt() {
        GardenCalendar calendar = GardenCalendar.of(Cadence.WEEKLY, LONG_AGO, Map.of(day(11, 30), 60), TODAY, 1);

        assertThat(calendar.cells()).allMatch(cell -> cell.state() == State.KEPT);
    }

    @Test
    void aTechniqueBegunMidWeekPlansNothingBeforeItsFirstDay() {
        GardenCalendar calendar = GardenCalendar.of(Cadence.WEEKLY, day(11, 25), Map.of(day(11, 25), 30), TODAY, 2);

        assertThat(state(calendar, day(11, 23))).isEqualTo(State.NONE);
        assertThat(state(calendar, day(11, 24))).isEqualTo(State.NONE);
        assertThat(state(calendar, day(11, 25))).isEqualTo(State.KEPT);
        assertThat(state(calendar, day(11, 29))).isEqualTo(State.KEPT);
    }

    @Test
    void workLoggedForTomorrowIsNotCountedToday() {
        GardenCalendar calendar = GardenCalendar.of(Cadence.DAILY, LONG_AGO, Map.of(day(12, 3), 30), TODAY, 1);

        Cell tomorrow = cell(calendar, day(12, 3));
        assertThat(tomorrow.state()).isEqualTo(State.PLANNED);
        assertThat(tomorrow.worked()).isFalse();
    }

    @Test
    void everyStateReadsWithoutColourAndHasTheCodeTheTestsRead() {
        assertThat(State.values()).extracting(State::code)
                .containsExactly("kept", "missed", "running", "planned", "none");
        assertThat(State.values()).extracting(State::symbol).doesNotHaveDuplicates();
    }

    private static LocalDate day(int month, int dayOfMonth) {
        return LocalDate.of(2026, month, dayOfMonth);
    }

    private static Cell cell(GardenCalendar calendar, LocalDate day) {
        return calendar.cells().stream().filter(cell -> cell.day().equals(day)).findFirst().orElseThrow();
    }

    private static State state(GardenCalendar calendar, LocalDate day) {
        return cell(calendar, day).state();
    }
}

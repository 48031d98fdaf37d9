package dev.funnel.webapp.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.webapp.client.Cadence;
import dev.funnel.webapp.client.GardenInsightsApi.Status;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Days of late 2026: Monday 23 November to Sunday 6 December; Wednesday 2 December is "today" unless named. */
class AtRiskTest {

    private static final LocalDate SEPTEMBER = LocalDate.of(2026, 9, 1);
    private static final LocalDate THU_26_NOV = LocalDate.of(2026, 11, 26);
    private static final LocalDate SAT_28_NOV = LocalDate.of(2026, 11, 28);
    private static final LocalDate MON_30_NOV = LocalDate.of(2026, 11, 30);
    private static final LocalDate WED_2_DEC = LocalDate.of(2026, 12, 2);

    @Test
    void aDailyTechniqueIsAtRiskOnceTheTwoDaysBeforeTodayWentUnwatered() {
        // Today is running; yesterday (1 Dec) and the day before (30 Nov) are its last two complete days.
        assertThat(AtRisk.check(Cadence.DAILY, SEPTEMBER, MON_30_NOV, Status.GROWING, WED_2_DEC)).isEmpty();
        assertThat(AtRisk.check(Cadence.DAILY, SEPTEMBER, MON_30_NOV.minusDays(1), Status.GROWING, WED_2_DEC))
                .hasValue("No activity in the last 2 days: last worked on Sun 29 Nov");
    }

    @Test
    void wateringTodayTakesATechniqueOffTheList() {
        assertThat(AtRisk.check(Cadence.DAILY, SEPTEMBER, WED_2_DEC, Status.SEEDING, WED_2_DEC)).isEmpty();
    }

    @Test
    void aTechniqueAbandonedAlreadyIsNoLongerAtRisk() {
        LocalDate longAgo = LocalDate.of(2026, 10, 1);
        assertThat(AtRisk.check(Cadence.DAILY, SEPTEMBER, longAgo, Status.ABANDONED, WED_2_DEC)).isEmpty();
        assertThat(AtRisk.check(Cadence.DAILY, SEPTEMBER, longAgo, Status.ABANDONED_EARLY, WED_2_DEC)).isEmpty();
        assertThat(AtRisk.check(Cadence.DAILY, SEPTEMBER, longAgo, Status.SEEDING, WED_2_DEC)).isPresent();
    }

    @Test
    void aTechniqueYoungerThanTwoPeriodsIsNotAtRiskYet() {
        // Defined on 1 December and never worked: only one complete day so far.
        assertThat(AtRisk.check(Cadence.DAILY, WED_2_DEC.minusDays(1), null, Status.SEEDING, WED_2_DEC)).isEmpty();
        // Defined on 30 November: two complete days, both unwatered.
        assertThat(AtRisk.check(Cadence.DAILY, MON_30_NOV, null, Status.SEEDING, WED_2_DEC))
                .hasValue("No activity in the last 2 days since it was started on Mon 30 Nov, and never worked yet");
    }

    @Test
    void aWeekendBreaksNoWeekdaysTechnique() {
        // Last worked on Thursday, asked on Monday: only Friday was missed, since Saturday and Sunday plan nothing.
        assertThat(AtRisk.check(Cadence.WEEKDAYS, SEPTEMBER, THU_26_NOV, Status.GROWING, MON_30_NOV)).isEmpty();
        // The same days under DAILY are three missed days.
        assertThat(AtRisk.check(Cadence.DAILY, SEPTEMBER, THU_26_NOV, Status.GROWING, MON_30_NOV)).isPresent();
        // Last worked on Wednesday: Thursday and Friday were both missed, whatever the weekend.
        assertThat(AtRisk.check(Cadence.WEEKDAYS, SEPTEMBER, THU_26_NOV.minusDays(1), Status.GROWING, MON_30_NOV))
                .hasValue("No activity in the last 2 weekdays: last worked on Wed 25 Nov");
    }

    @Test
    void onASaturdayAWeekdaysTechniqueLooksAtThursdayAndFriday() {
        assertThat(AtRisk.check(Cadence.WEEKDAYS, SEPTEMBER, THU_26_NOV, Status.GROWING, SAT_28_NOV)).isEmpty();
        assertThat(AtRisk.check(Cadence.WEEKDAYS, SEPTEMBER, THU_26_NOV.minusDays(1), Status.GROWING, SAT_28_NOV))
                .isPresent();
    }

    @Test
    void workOnAWeekendIsASignOfLifeAsTheServiceCountsIt() {
        // On Tuesday the last two weekdays are Friday and Monday, both unwatered; but analytics-service's quiet rule
        // counts the Saturday between them as a sign of life, and the warning must not contradict it.
        LocalDate tuesday = MON_30_NOV.plusDays(1);
        assertThat(AtRisk.check(Cadence.WEEKDAYS, SEPTEMBER, SAT_28_NOV, Status.GROWING, tuesday)).isEmpty();
        assertThat(AtRisk.check(Cadence.WEEKDAYS, SEPTEMBER, THU_26_NOV, Status.GROWING, tuesday)).isPresent();
    }

    @Test
    void aWeeklyTechniqueIsAtRiskAfterTwoWholeIsoWeeksWithoutWork() {
        // The running week began on Monday 30 November; the last two complete ones on 23 and 16 November.
        assertThat(AtRisk.check(Cadence.WEEKLY, SEPTEMBER, LocalDate.of(2026, 11, 16), Status.GROWING, WED_2_DEC))
                .isEmpty();
        assertThat(AtRisk.check(Cadence.WEEKLY, SEPTEMBER, LocalDate.of(2026, 11, 15), Status.GROWING, WED_2_DEC))
                .hasValue("No activity in the last 2 weeks: last worked on Sun 15 Nov");
        // Started on the Sunday 22 November: its first week is the second complete one, and it was worked.
        LocalDate sunday = LocalDate.of(2026, 11, 22);
        assertThat(AtRisk.check(Cadence.WEEKLY, sunday, sunday, Status.SEEDING, WED_2_DEC)).isEmpty();
        // Defined that Sunday and never worked: its whole first week counts, so two weeks went unwatered.
        assertThat(AtRisk.check(Cadence.WEEKLY, sunday, null, Status.SEEDING, WED_2_DEC)).isPresent();
        // Defined on Monday 23 November and never worked: one complete week only.
        assertThat(AtRisk.check(Cadence.WEEKLY, LocalDate.of(2026, 11, 23), null, Status.SEEDING, WED_2_DEC))
                .isEmpty();
    }
}

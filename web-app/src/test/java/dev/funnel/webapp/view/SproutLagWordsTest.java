package dev.funnel.webapp.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.webapp.client.GardenInsightsApi.TechniqueLag;
import dev.funnel.webapp.client.GardenInsightsApi.TypicalLag;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SproutLagWordsTest {

    private static final TypicalLag FOUR_WEEKS = new TypicalLag(24, 4, 3);
    private static final LocalDate SEPTEMBER = LocalDate.of(2026, 9, 14);

    @Test
    void beforeTheTypicalLagTheWeekItComesIsNamed() {
        assertThat(SproutLagWords.waiting(0, 4))
                .isEqualTo("week 1 of a typical 4-week lag: the sprouts usually come up in week 4");
        assertThat(SproutLagWords.waiting(13, 4))
                .isEqualTo("week 2 of a typical 4-week lag: the sprouts usually come up in week 4");
    }

    @Test
    void inTheWeekBeforeTheTypicalLagTheSproutsAreAboutToComeUp() {
        assertThat(SproutLagWords.waiting(14, 4))
                .isEqualTo("week 3 of a typical 4-week lag: the sprouts are about to come up");
        assertThat(SproutLagWords.waiting(20, 4)).endsWith("about to come up");
    }

    @Test
    void inTheWeekOfTheTypicalLagTheyUsuallyComeUpNow() {
        assertThat(SproutLagWords.waiting(21, 4))
                .isEqualTo("week 4 of a typical 4-week lag: the sprouts usually come up about now");
        // A one-week lag: the first week is already its week.
        assertThat(SproutLagWords.waiting(3, 1)).endsWith("about now");
    }

    @Test
    void pastTheTypicalLagItSaysByHowMuch() {
        assertThat(SproutLagWords.waiting(28, 4))
                .isEqualTo("week 5 of a typical 4-week lag: 1 week past the typical lag, and no prospect yet");
        assertThat(SproutLagWords.waiting(77, 5))
                .isEqualTo("week 12 of a typical 5-week lag: 7 weeks past the typical lag, and no prospect yet");
    }

    @Test
    void theWeekIsCountedAsTheServiceCountsIt() {
        // analytics-service's progress for 77 days of a 5-week typical lag (the demo's local radio ad).
        TechniqueLag waiting = new TechniqueLag("radio", "Local radio ad", SEPTEMBER, null, null, 77L,
                "week 12 of a typical 5-week lag");
        assertThat(SproutLagWords.of(waiting, new TypicalLag(30, 5, 3))).startsWith(waiting.progress() + ": ");
    }

    @Test
    void aTechniqueWithALagSaysWhenItsFirstProspectCame() {
        TechniqueLag sprouted = new TechniqueLag("daily", "Daily posts", SEPTEMBER, SEPTEMBER.plusDays(23), 23L,
                null, null);
        assertThat(SproutLagWords.of(sprouted, FOUR_WEEKS)).isEqualTo("first prospect after 23 days");
        TechniqueLag nextDay = new TechniqueLag("daily", "Daily posts", SEPTEMBER, SEPTEMBER.plusDays(1), 1L, null,
                null);
        assertThat(SproutLagWords.of(nextDay, FOUR_WEEKS)).isEqualTo("first prospect after 1 day");
    }

    @Test
    void aProspectBeforeTheFirstActivityAndATechniqueNeverWorkedAreSaidAsTheyAre() {
        TechniqueLag early = new TechniqueLag("x", "X", SEPTEMBER, SEPTEMBER.minusDays(2), null, null, null);
        assertThat(SproutLagWords.of(early, FOUR_WEEKS))
                .isEqualTo("first prospect on 2026-09-12, before its first logged activity");
        TechniqueLag idle = new TechniqueLag("x", "X", null, null, null, null, null);
        assertThat(SproutLagWords.of(idle, FOUR_WEEKS)).isEqualTo("not worked yet: nothing is sown");
    }

    @Test
    void aTechniqueGivenUpEarlyIsToldTheWeekItStoppedAndTheWeekTheSproutsCome() {
        // Worked from day 0 to day 7 (activeForDays 7): it stopped in week 2.
        assertThat(SproutLagWords.givenUpEarly(7L, 5))
                .isEqualTo("given up in week 2, just before the sprouts usually come up in week 5");
        assertThat(SproutLagWords.givenUpEarly(6L, 3)).startsWith("given up in week 1,");
        assertThat(SproutLagWords.givenUpEarly(null, 5))
                .isEqualTo("never worked: nothing was sown (the sprouts usually come up in week 5)");
    }
}

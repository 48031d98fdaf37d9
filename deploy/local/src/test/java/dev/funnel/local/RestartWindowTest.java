package dev.funnel.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RestartWindowTest {

    private static final Instant START = Instant.parse("2026-12-02T10:00:00Z");

    private final RestartWindow window = new RestartWindow(RestartPolicy.DEFAULT);

    @Test
    void fiveRestartsAreAdmittedWithGrowingWaitsAndTheSixthExitIsGivenUpOn() {
        for (int i = 0; i < 5; i++) {
            window.admit(START.plusSeconds(10L * i));
        }

        assertThat(window.restartsWithin(START.plusSeconds(50))).isEqualTo(5);
        assertThat(window.admit(START.plusSeconds(50))).isEmpty();
        assertThat(window.restartsWithin(START.plusSeconds(50))).as("a refusal is no restart").isEqualTo(5);
    }

    @Test
    void eachRestartInTheWindowWaitsTwiceAsLongAsTheOneBefore() {
        assertThat(window.admit(START)).contains(Duration.ofSeconds(1));
        assertThat(window.admit(START.plusSeconds(5))).contains(Duration.ofSeconds(2));
        assertThat(window.admit(START.plusSeconds(15))).contains(Duration.ofSeconds(4));
        assertThat(window.admit(START.plusSeconds(30))).contains(Duration.ofSeconds(8));
        assertThat(window.admit(START.plusSeconds(60))).contains(Duration.ofSeconds(16));
    }

    @Test
    void theWindowSlidesSoTheOldestRestartFreesOneSlotWhenItLeaves() {
        for (int i = 0; i < 5; i++) {
            window.admit(START.plus(Duration.ofMinutes(i)));
        }

        assertThat(window.admit(START.plus(Duration.ofMinutes(5)).minusSeconds(1))).isEmpty();
        Optional<Duration> once = window.admit(START.plus(Duration.ofMinutes(5)));
        assertThat(once).as("the restart at the start is 5 min old: out").contains(Duration.ofSeconds(16));
        assertThat(window.admit(START.plus(Duration.ofMinutes(5)).plusSeconds(1))).isEmpty();
    }

    @Test
    void aServiceThatRanLongerThanTheWindowStartsAgainAtTheShortestWait() {
        window.admit(START);
        window.admit(START.plusSeconds(2));
        window.admit(START.plusSeconds(6));

        assertThat(window.admit(START.plus(Duration.ofMinutes(6)))).contains(Duration.ofSeconds(1));
        assertThat(window.restartsWithin(START.plus(Duration.ofMinutes(6)))).isEqualTo(1);
    }
}

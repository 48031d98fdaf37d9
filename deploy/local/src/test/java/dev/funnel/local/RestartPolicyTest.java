package dev.funnel.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RestartPolicyTest {

    @Test
    void theDefaultWaitDoublesFromOneSecondToSixteen() {
        List<Duration> waits = IntStream.rangeClosed(1, 7).mapToObj(RestartPolicy.DEFAULT::backoffBefore).toList();

        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(8), Duration.ofSeconds(16), Duration.ofSeconds(16), Duration.ofSeconds(16));
    }

    @Test
    void theDefaultGivesUpAfterFiveRestartsInFiveMinutes() {
        assertThat(RestartPolicy.DEFAULT.maxRestarts()).isEqualTo(5);
        assertThat(RestartPolicy.DEFAULT.window()).isEqualTo(Duration.ofMinutes(5));
        assertThat(RestartPolicy.DEFAULT.limit()).isEqualTo("5 restarts in 5 min");
    }

    @Test
    void aCapBetweenTwoDoublingsIsKeptExactly() {
        RestartPolicy policy =
                new RestartPolicy(Duration.ofMillis(300), Duration.ofSeconds(1), 5, Duration.ofSeconds(90));

        assertThat(IntStream.rangeClosed(1, 4).mapToObj(policy::backoffBefore)).containsExactly(
                Duration.ofMillis(300), Duration.ofMillis(600), Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThat(policy.limit()).isEqualTo("5 restarts in 90 s");
    }

    @Test
    void aLateRestartNumberStaysAtTheCapWithoutOverflowing() {
        assertThat(RestartPolicy.DEFAULT.backoffBefore(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(16));
    }

    @Test
    void meaninglessPoliciesAreRefused() {
        assertThatThrownBy(() -> new RestartPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), 5,
                Duration.ofMinutes(5))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(2), 0,
                Duration.ofMinutes(5))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(2), 5,
                Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RestartPolicy.DEFAULT.backoffBefore(0)).isInstanceOf(IllegalArgumentException.class);
    }
}

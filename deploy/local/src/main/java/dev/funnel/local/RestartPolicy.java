package dev.funnel.local;

import java.time.Duration;

/**
 * How the launcher restarts a service that exits on its own: after a backoff that doubles with each
 * restart still inside the window, up to a cap, and at most {@code maxRestarts} times within any
 * {@code window}; one exit more and it gives up on that service. Kubernetes' CrashLoopBackOff does the
 * same with 10 s doubling to 5 min; on one machine, with a person watching, shorter waits serve better.
 */
public record RestartPolicy(Duration firstBackoff, Duration maxBackoff, int maxRestarts, Duration window) {

    /** 1 s, 2 s, 4 s, 8 s, 16 s: a service that keeps dying is given up on within about half a minute. */
    public static final RestartPolicy DEFAULT =
            new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(16), 5, Duration.ofMinutes(5));

    public RestartPolicy {
        if (firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("backoff must be 0 or more and its cap at least the first wait, "
                    + "but was " + firstBackoff + " capped at " + maxBackoff);
        }
        if (maxRestarts < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("at least one restart in a positive window, but was " + maxRestarts
                    + " in " + window);
        }
    }

    /** The wait before the {@code restart}-th restart within the window (1 for the first). */
    public Duration backoffBefore(int restart) {
        if (restart < 1) {
            throw new IllegalArgumentException("restarts count from 1, but was " + restart);
        }
        Duration wait = firstBackoff;
        for (int i = 1; i < restart && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    /** For the console: "5 restarts in 5 min". */
    String limit() {
        return maxRestarts + " restarts in " + (window.toSeconds() % 60 == 0 ? window.toMinutes() + " min"
                : window.toSeconds() + " s");
    }
}

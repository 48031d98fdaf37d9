package dev.funnel.local;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The restarts of one service within the policy's sliding window. Only restarts inside the window count,
 * for the limit and for the backoff alike: a service that ran well for longer than the window starts again
 * at the first, short wait, as Kubernetes resets its backoff after a quiet spell.
 */
final class RestartWindow {

    private final RestartPolicy policy;
    private final Deque<Instant> restarts = new ArrayDeque<>();

    RestartWindow(RestartPolicy policy) {
        this.policy = policy;
    }

    /**
     * Asks to restart after an exit at {@code now}: the wait before the restart, which is then counted, or
     * empty when the window already holds the policy's limit and the service is to be given up on.
     */
    synchronized Optional<Duration> admit(Instant now) {
        int within = restartsWithin(now);
        if (within >= policy.maxRestarts()) {
            return Optional.empty();
        }
        restarts.addLast(now);
        return Optional.of(policy.backoffBefore(within + 1));
    }

    /** Restarts in the window that ends at {@code now}; older ones are forgotten. */
    synchronized int restartsWithin(Instant now) {
        Instant windowStart = now.minus(policy.window());
        while (!restarts.isEmpty() && !restarts.peekFirst().isAfter(windowStart)) {
            restarts.removeFirst();
        }
        return restarts.size();
    }
}

package dev.funnel.analytics.messaging;

import dev.funnel.analytics.AnalyticsConfig;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs a step of the projection again, with growing pauses, until it succeeds or the service stops. A batch is
 * never skipped: a projection with a hole in it would be wrong without anyone noticing, while a stalled one shows
 * up in the readiness check, the lag and the logs.
 */
@ApplicationScoped
public class Retrying {

    private static final Logger LOG = Logger.getLogger(Retrying.class);

    private final AnalyticsConfig config;
    private volatile boolean stopping;
    private volatile Instant failingSince;
    private volatile String lastFailure;

    Retrying(AnalyticsConfig config) {
        this.config = config;
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    /**
     * @param what the step, for the log
     * @param step the work; a runtime exception means "try again"
     * @return the step's result
     * @throws StoppingException when the service stops before the step succeeded
     */
    public <T> T untilDone(String what, Supplier<T> step) {
        Duration backoff = config.retry().initialBackoff();
        for (int attempt = 1; ; attempt++) {
            if (stopping) {
                throw new StoppingException(what);
            }
            try {
                T result = step.get();
                if (attempt > 1) {
                    LOG.infof("%s succeeded at attempt %d", what, attempt);
                }
                failingSince = null;
                return result;
            } catch (RuntimeException e) {
                if (failingSince == null) {
                    failingSince = Instant.now();
                }
                lastFailure = what + ": " + e.getMessage();
                LOG.warnf(e, "%s failed (attempt %d); trying again in %s", what, attempt, backoff);
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(config.retry().maxBackoff()) > 0
                        ? config.retry().maxBackoff() : backoff.multipliedBy(2);
            }
        }
    }

    public void untilDone(String what, Runnable step) {
        untilDone(what, () -> {
            step.run();
            return null;
        });
    }

    /** @return the failure the projection is stuck on, if the last attempt of a step failed */
    public Optional<String> currentFailure() {
        return failingSince == null ? Optional.empty()
                : Optional.of(lastFailure + " (failing since " + failingSince + ")");
    }

    public boolean stopping() {
        return stopping;
    }

    private void pause(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        try {
            while (!stopping && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(Math.min(100, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())
                        + 1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoppingException("interrupted");
        }
    }

    /** The service is stopping: what was not done will be done again after the restart. */
    public static class StoppingException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        StoppingException(String what) {
            super("Stopped before this succeeded: " + what);
        }
    }
}

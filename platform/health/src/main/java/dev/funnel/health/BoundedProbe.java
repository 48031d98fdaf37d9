package dev.funnel.health;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Asks a dependency whether it answers, on a thread of its own, and gives the health check an answer within a
 * bound whatever the dependency does. A database or broker that hangs (a paused process, a network partition)
 * would otherwise hold the health endpoint for as long as the client library waits, and a probe that does not
 * answer is, to Kubernetes, a failed probe of the service itself.
 *
 * <p>At most one question is in flight: while the dependency keeps a probe waiting, every health check answers
 * DOWN at once with how long it has waited, and no further threads or connections pile up behind it.
 */
final class BoundedProbe implements AutoCloseable {

    /** What to ask; returns a detail for an UP answer, throws when the dependency refused. */
    @FunctionalInterface
    interface Question {
        String ask() throws Exception;
    }

    private final String name;
    private final Question question;
    private final Duration bound;
    private final ExecutorService thread;
    private Future<String> inFlight;
    private long askedAtNanos;

    BoundedProbe(String name, Duration bound, Question question) {
        this.name = name;
        this.question = question;
        this.bound = bound;
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread probe = new Thread(runnable, "health-" + name.toLowerCase(Locale.ROOT));
            probe.setDaemon(true);
            return probe;
        });
    }

    HealthCheckResponse answer() {
        Future<String> probe = current();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(name);
        try {
            String detail = probe.get(bound.toMillis(), TimeUnit.MILLISECONDS);
            done(probe);
            return response.up().withData("answer", detail).build();
        } catch (ExecutionException e) {
            done(probe);
            Throwable cause = e.getCause();
            return response.down().withData("failure", cause.getClass().getSimpleName() + ": "
                    + cause.getMessage()).build();
        } catch (TimeoutException e) {
            return response.down().withData("failure", "no answer within " + bound.toMillis() + " ms (waiting for "
                    + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - askedAt()) + " s)").build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.down().withData("failure", "interrupted").build();
        }
    }

    /**
     * The question in flight, or a new one. A question that ended after the check that asked it gave up tells how
     * things stood then, not now (a database back for 20 s still read DOWN with the outage's error): it is asked
     * again.
     */
    private synchronized Future<String> current() {
        boolean stale = inFlight != null && inFlight.isDone()
                && System.nanoTime() - askedAtNanos > bound.toNanos();
        if (inFlight == null || stale) {
            askedAtNanos = System.nanoTime();
            inFlight = thread.submit(question::ask);
        }
        return inFlight;
    }

    private synchronized long askedAt() {
        return askedAtNanos;
    }

    /** The next health check asks again: an answer is only as fresh as the question. */
    private synchronized void done(Future<String> probe) {
        if (inFlight == probe) {
            inFlight = null;
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}

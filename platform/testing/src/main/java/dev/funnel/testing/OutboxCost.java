package dev.funnel.testing;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A service's write benchmark, the same for every service: one endpoint under {@link #CONCURRENCY} closed-loop
 * clients, as built and with the outbox off, in alternating rounds against the same database, each figure printed
 * with the load average around it (the machines are shared). Before each round with the outbox on, the relay has
 * sent everything, so no round pays for the one before it.
 */
public final class OutboxCost {

    public static final int CONCURRENCY = 16;
    private static final Duration WARM_UP = Duration.ofSeconds(20);
    private static final Duration MEASURE = Duration.ofSeconds(20);
    private static final int ROUNDS = 2;

    private OutboxCost() {
    }

    /**
     * @param label what is measured, e.g. {@code POST /activities}
     * @param nextRequest a new write each call (fresh ids), answered {@code expectedStatus}
     * @param writeEvents the service's {@code OutboxBenchmarkSwitch#writeEvents}
     * @param unsentRows how many outbox rows the relay has not sent yet
     * @param outboxRows how many outbox rows there are
     */
    public static void measure(String label, Supplier<HttpRequest> nextRequest, int expectedStatus,
            Consumer<Boolean> writeEvents, LongSupplier unsentRows, LongSupplier outboxRows)
            throws InterruptedException {
        HttpLoad load = new HttpLoad();
        System.out.printf("BENCHMARK %s: %d cores, Java %s, %d concurrent clients, %d s per round%n", label,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), CONCURRENCY,
                MEASURE.toSeconds());
        // Warm both paths up (JIT, pools, the relay's producer) before anything counts.
        load.run(CONCURRENCY, WARM_UP, expectedStatus, nextRequest);
        writeEvents.accept(false);
        try {
            load.run(CONCURRENCY, WARM_UP.dividedBy(2), expectedStatus, nextRequest);
        } finally {
            writeEvents.accept(true);
        }
        for (int round = 1; round <= ROUNDS; round++) {
            awaitDrained(unsentRows);
            String before = HttpLoad.loadAverage();
            HttpLoad.Result with = load.run(CONCURRENCY, MEASURE, expectedStatus, nextRequest);
            System.out.printf("BENCHMARK %s, outbox on,  round %d: %s; load average %s -> %s%n", label, round,
                    with.summary(), before, HttpLoad.loadAverage());
            awaitDrained(unsentRows);

            long rowsBefore = outboxRows.getAsLong();
            writeEvents.accept(false);
            HttpLoad.Result without;
            try {
                before = HttpLoad.loadAverage();
                without = load.run(CONCURRENCY, MEASURE, expectedStatus, nextRequest);
            } finally {
                writeEvents.accept(true);
            }
            System.out.printf("BENCHMARK %s, outbox off, round %d: %s; load average %s -> %s%n", label, round,
                    without.summary(), before, HttpLoad.loadAverage());
            long written = outboxRows.getAsLong() - rowsBefore;
            if (written != 0) {
                throw new IllegalStateException(written + " outbox rows were written with the outbox off");
            }
            System.out.printf("BENCHMARK %s, round %d: the outbox costs %.0f%% of the throughput (%.0f vs %.0f"
                    + " req/s)%n", label, round, 100 * (1 - with.perSecond() / without.perSecond()),
                    with.perSecond(), without.perSecond());
        }
    }

    private static void awaitDrained(LongSupplier unsentRows) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (unsentRows.getAsLong() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The relay did not send the outbox within 5 minutes");
            }
            Thread.sleep(200);
        }
    }
}

package dev.funnel.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * A service's write benchmark, the same for every service: one endpoint under {@link #CONCURRENCY} closed-loop
 * clients, as built and with the outbox off, in alternating rounds against the same database, each figure printed
 * with the load average around it (the machines are shared) and the CPU each part of the JVM and the database used
 * per request ({@link CpuUse}). Before each round with the outbox on, the relay has sent everything, so no round
 * pays for the one before it.
 */
public final class OutboxCost {

    public static final int CONCURRENCY = 16;
    private static final Duration WARM_UP = Duration.ofSeconds(10);
    private static final double SETTLED_JIT_CORES = 0.05;
    private static final int MAX_WARM_UP_ROUNDS = 36;
    private static final Duration MEASURE = Duration.ofSeconds(20);
    private static final int ROUNDS = 2;

    private OutboxCost() {
    }

    /**
     * @param label what is measured, e.g. {@code POST /activities}
     * @param nextRequest a new write each call (fresh ids), answered {@code expectedStatus}
     * @param writeEvents the service's {@code OutboxBenchmarkSwitch#writeEvents}
     * @param database the service's database, whose outbox table tells what was written and what is still unsent
     */
    public static void measure(String label, Supplier<HttpLoad.Request> nextRequest, int expectedStatus,
            Consumer<Boolean> writeEvents, DataSource database) throws InterruptedException {
        LongSupplier unsentRows = () -> Long.parseLong(query(database,
                "select count(*) from outbox where sent_at is null"));
        LongSupplier outboxRows = () -> Long.parseLong(query(database, "select count(*) from outbox"));
        String dataDirectory = query(database, "show data_directory");
        System.out.printf("BENCHMARK %s: PostgreSQL fsync %s, synchronous_commit %s%n", label,
                query(database, "show fsync"), query(database, "show synchronous_commit"));
        System.out.printf("BENCHMARK %s: %d cores, Java %s, %d concurrent clients, %d s per round%n", label,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), CONCURRENCY,
                MEASURE.toSeconds());
        try (HttpLoad load = new HttpLoad()) {
            warmUp(label, load, nextRequest, expectedStatus, writeEvents, dataDirectory);
            long requestsWith = 0;
            long requestsWithout = 0;
            double secondsWith = 0;
            double secondsWithout = 0;
            for (int round = 1; round <= ROUNDS; round++) {
                awaitDrained(unsentRows);
                HttpLoad.Result with = measured(label + ", outbox on,  round " + round, load, nextRequest,
                        expectedStatus, dataDirectory);
                awaitDrained(unsentRows);

                long rowsBefore = outboxRows.getAsLong();
                writeEvents.accept(false);
                HttpLoad.Result without;
                try {
                    without = measured(label + ", outbox off, round " + round, load, nextRequest, expectedStatus,
                            dataDirectory);
                } finally {
                    writeEvents.accept(true);
                }
                long written = outboxRows.getAsLong() - rowsBefore;
                if (written != 0) {
                    throw new IllegalStateException(written + " outbox rows were written with the outbox off");
                }
                System.out.printf("BENCHMARK %s, round %d: the outbox costs %.0f%% of the throughput (%.0f vs %.0f"
                        + " req/s)%n", label, round, 100 * (1 - with.perSecond() / without.perSecond()),
                        with.perSecond(), without.perSecond());
                requestsWith += with.requests();
                secondsWith += with.seconds();
                requestsWithout += without.requests();
                secondsWithout += without.seconds();
            }
            double perSecondWith = requestsWith / secondsWith;
            double perSecondWithout = requestsWithout / secondsWithout;
            System.out.printf("BENCHMARK %s, all %d rounds: %.0f req/s with the outbox, %.0f without: it costs %.0f%%"
                    + "%n", label, ROUNDS, perSecondWith, perSecondWithout,
                    100 * (1 - perSecondWith / perSecondWithout));
        }
    }

    /**
     * Warms both paths up (JIT, pools, the relay's producer) before anything counts: rounds with the outbox until the
     * JIT compiler uses under {@value #SETTLED_JIT_CORES} of a core (at most {@value #MAX_WARM_UP_ROUNDS} rounds),
     * then one without. A fixed 20 s left C2 compiling through the measured rounds, taking a fifth of the CPU; in
     * this JVM (the service, its broker, Quarkus' test machinery) it takes about three minutes to settle.
     */
    private static void warmUp(String label, HttpLoad load, Supplier<HttpLoad.Request> nextRequest,
            int expectedStatus, Consumer<Boolean> writeEvents, String dataDirectory) throws InterruptedException {
        for (int round = 1; round <= MAX_WARM_UP_ROUNDS; round++) {
            CpuUse before = CpuUse.now(dataDirectory);
            HttpLoad.Result result = load.run(CONCURRENCY, WARM_UP, expectedStatus, nextRequest);
            double jitCores = CpuUse.now(dataDirectory).since(before).get(CpuUse.JIT) / result.seconds();
            System.out.printf("BENCHMARK %s, warm-up %d: %.0f req/s, JIT %.2f cores%n", label, round,
                    result.perSecond(), jitCores);
            if (jitCores < SETTLED_JIT_CORES) {
                break;
            }
        }
        writeEvents.accept(false);
        try {
            load.run(CONCURRENCY, WARM_UP, expectedStatus, nextRequest);
        } finally {
            writeEvents.accept(true);
        }
    }

    /** One measured round, printed with its load average and the CPU each part used per request. */
    private static HttpLoad.Result measured(String round, HttpLoad load, Supplier<HttpLoad.Request> nextRequest,
            int expectedStatus, String dataDirectory) throws InterruptedException {
        String loadBefore = HttpLoad.loadAverage();
        CpuUse before = CpuUse.now(dataDirectory);
        HttpLoad.Result result = load.run(CONCURRENCY, MEASURE, expectedStatus, nextRequest);
        Map<String, Double> used = CpuUse.now(dataDirectory).since(before);
        System.out.printf("BENCHMARK %s: %s; load average %s -> %s%n", round, result.summary(), loadBefore,
                HttpLoad.loadAverage());
        System.out.printf("BENCHMARK %s: %s%n", round, cpuPerRequest(used, result));
        return result;
    }

    /**
     * e.g. {@code CPU per request 2.10 ms (1.90 cores): load generator 0.05, ..., PostgreSQL 0.60; the service and its
     * PostgreSQL alone 1.90 ms (at most 1053 req/s on 2 cores of their own)}. The service alone is what a deployment
     * runs on its cores: its request threads, JIT, GC and relay, and its database; the load generator and the broker
     * run elsewhere there. The "at most" is the CPU's bound, not a measurement: it holds only while nothing else (a
     * lock, a disk) binds first.
     */
    static String cpuPerRequest(Map<String, Double> used, HttpLoad.Result result) {
        double total = used.values().stream().mapToDouble(Double::doubleValue).sum();
        StringBuilder parts = new StringBuilder();
        used.forEach((group, seconds) -> parts.append(parts.length() == 0 ? "" : ", ").append(group).append(' ')
                .append(String.format("%.2f", 1000 * seconds / result.requests())));
        double service = total - used.get(CpuUse.LOAD_GENERATOR) - used.get(CpuUse.OTHER);
        int cores = Runtime.getRuntime().availableProcessors();
        return String.format("CPU per request %.2f ms (%.2f cores): %s; the service and its PostgreSQL alone %.2f ms"
                + " (at most %.0f req/s on %d cores of their own)", 1000 * total / result.requests(),
                total / result.seconds(), parts, 1000 * service / result.requests(),
                cores * result.requests() / service, cores);
    }

    /** The first column of the query's one row, as text. */
    private static String query(DataSource database, String sql) {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not ask the database: " + sql, e);
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

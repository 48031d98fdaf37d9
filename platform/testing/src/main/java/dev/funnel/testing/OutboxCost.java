package dev.funnel.testing;

import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javax.sql.DataSource;

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
     * @param database the service's database, whose outbox table tells what was written and what is still unsent
     */
    public static void measure(String label, Supplier<HttpRequest> nextRequest, int expectedStatus,
            Consumer<Boolean> writeEvents, DataSource database) throws InterruptedException {
        LongSupplier unsentRows = () -> Long.parseLong(query(database,
                "select count(*) from outbox where sent_at is null"));
        LongSupplier outboxRows = () -> Long.parseLong(query(database, "select count(*) from outbox"));
        System.out.printf("BENCHMARK %s: PostgreSQL fsync %s, synchronous_commit %s%n", label,
                query(database, "show fsync"), query(database, "show synchronous_commit"));
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

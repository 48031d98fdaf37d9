package dev.funnel.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class CpuUseTest {

    @Test
    void threadsAreGroupedByTheirNamesAsTheOperatingSystemShowsThem() {
        // /proc's comm keeps 15 characters of a thread's name.
        assertThat(CpuUse.group("load-generator")).isEqualTo("load generator");
        assertThat(CpuUse.group("vert.x-eventloo")).isEqualTo("HTTP event loops");
        assertThat(CpuUse.group("executor-thread")).isEqualTo("request workers");
        assertThat(CpuUse.group("C2 CompilerThre")).isEqualTo("JIT");
        assertThat(CpuUse.group("funnel-outbox-r")).isEqualTo("outbox relay");
        assertThat(CpuUse.group("kafka-producer-")).isEqualTo("outbox relay");
        assertThat(CpuUse.group("GC Thread#1")).isEqualTo("GC and VM");
        assertThat(CpuUse.group("data-plane-kafk")).isEqualTo(CpuUse.OTHER);
    }

    @Test
    void aBusyThreadIsCountedInItsGroupAndWhenItEndsInEndedThreads() throws Exception {
        try (EmbeddedPostgresServer database = EmbeddedPostgresServer.start()) {
            String dataDirectory = dataDirectory(database);
            CpuUse before = CpuUse.now(dataDirectory);
            CountDownLatch spun = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Thread busy = new Thread(() -> {
                spinForHalfASecond();
                spun.countDown();
                awaitQuietly(release);
            }, HttpLoad.THREAD_NAME);
            busy.start();
            spun.await();
            Map<String, Double> whileAlive = CpuUse.now(dataDirectory).since(before);
            release.countDown();
            busy.join();

            // /proc counts in hundredths of a second.
            assertThat(whileAlive.get("load generator")).isBetween(0.48, 0.6);
            // The operating system's thread outlives the Java thread's join by a moment.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                Map<String, Double> afterItEnded = CpuUse.now(dataDirectory).since(before);
                assertThat(afterItEnded.get("load generator")).isLessThan(0.1);
                assertThat(afterItEnded.get(CpuUse.ENDED)).isGreaterThanOrEqualTo(0.48);
            });
        }
    }

    @Test
    void thePostgresqlServersWorkIsCounted() throws Exception {
        try (EmbeddedPostgresServer database = EmbeddedPostgresServer.start();
                Connection connection = DriverManager.getConnection(database.jdbcUrl("postgres"),
                        database.username(), database.password());
                Statement statement = connection.createStatement()) {
            String dataDirectory = dataDirectory(database);
            CpuUse before = CpuUse.now(dataDirectory);
            statement.execute("select count(*) from generate_series(1, 3000000)");

            assertThat(CpuUse.now(dataDirectory).since(before).get(CpuUse.POSTGRESQL)).isGreaterThan(0.1);
        }
    }

    @Test
    void aDataDirectoryNoPostgresqlUsesIsRefused() {
        assertThatThrownBy(() -> CpuUse.now("/no/such/data/directory")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/no/such/data/directory");
    }

    /** Half a second of this thread's own CPU time, however long the machine makes it wait. */
    private static void spinForHalfASecond() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long end = threads.getCurrentThreadCpuTime() + 500_000_000L;
        while (threads.getCurrentThreadCpuTime() < end) {
            Thread.onSpinWait();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String dataDirectory(EmbeddedPostgresServer database) throws Exception {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl("postgres"), database.username(),
                database.password());
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("show data_directory")) {
            result.next();
            return result.getString(1);
        }
    }
}

package dev.funnel.testing;

/**
 * The one Kafka broker and the one PostgreSQL server of a test JVM, started on first use and stopped
 * when the JVM exits. Sharing them keeps a module's test classes cheap: each gets a fresh database,
 * not a fresh server.
 *
 * <p>By default both run embedded (no Docker needed). With the system property
 * {@code funnel.test.infrastructure=containers} (Maven profile {@code containers}) they run in
 * Testcontainers instead.
 */
public final class TestInfrastructure {

    public static final String MODE_PROPERTY = "funnel.test.infrastructure";
    static final String KAFKA_IMAGE = "apache/kafka:4.1.2";
    static final String POSTGRES_IMAGE = "postgres:17";

    private static KafkaBroker kafka;
    private static TestDatabaseServer database;

    private TestInfrastructure() {
    }

    public static synchronized KafkaBroker kafka() {
        if (kafka == null) {
            kafka = useContainers() ? ContainerKafkaBroker.start(KAFKA_IMAGE) : EmbeddedKafkaBroker.start();
            closeOnExit(kafka);
        }
        return kafka;
    }

    public static synchronized TestDatabaseServer database() {
        if (database == null) {
            database = useContainers()
                    ? ContainerPostgresServer.start(POSTGRES_IMAGE)
                    : EmbeddedPostgresServer.start();
            closeOnExit(database);
        }
        return database;
    }

    private static boolean useContainers() {
        return "containers".equals(System.getProperty(MODE_PROPERTY, "embedded"));
    }

    private static void closeOnExit(AutoCloseable resource) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                resource.close();
            } catch (Exception e) {
                // The JVM is going away; a failed cleanup must not hide the test result.
            }
        }, "funnel-test-infrastructure-shutdown"));
    }
}

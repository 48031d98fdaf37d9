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
    private static KafkaProxy kafkaProxy;
    private static KafkaBroker kafkaBehindProxy;
    private static TestIdentityProvider identityProvider;

    private TestInfrastructure() {
    }

    public static synchronized KafkaBroker kafka() {
        if (kafka == null) {
            kafka = useContainers() ? ContainerKafkaBroker.start(KAFKA_IMAGE) : EmbeddedKafkaBroker.start();
            closeOnExit(kafka);
        }
        return kafka;
    }

    /**
     * The proxy in front of the test JVM's second broker, started with it on first use: an application given
     * {@link KafkaProxy#bootstrapServers()} reaches that broker only through the proxy, so a test can stall the
     * broker as the application sees it. A broker of its own, always embedded, because the shared one must not
     * stall under other tests' feet.
     */
    public static synchronized KafkaProxy kafkaProxy() {
        if (kafkaProxy == null) {
            KafkaProxy proxy = KafkaProxy.start();
            kafkaBehindProxy = EmbeddedKafkaBroker.startBehind(proxy);
            kafkaProxy = proxy;
            closeOnExit(kafkaBehindProxy);
            closeOnExit(proxy);
        }
        return kafkaProxy;
    }

    /** The broker behind {@link #kafkaProxy()}; its {@code bootstrapServers()} bypass the proxy (a test's reads). */
    public static synchronized KafkaBroker kafkaBehindProxy() {
        kafkaProxy();
        return kafkaBehindProxy;
    }

    /** The OIDC issuer whose signing key {@link TestTokens} uses. */
    public static synchronized TestIdentityProvider identityProvider() {
        if (identityProvider == null) {
            identityProvider = TestIdentityProvider.start();
            closeOnExit(identityProvider);
        }
        return identityProvider;
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

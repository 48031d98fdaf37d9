package dev.funnel.deploy.checks;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * What one service really is, read from its sources and from what its tests captured while it ran
 * ({@code dev.funnel.testing.OperationsCapture}): configuration keys, health paths, metrics, Kafka use.
 */
final class ServiceFacts {

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}:]+)(?::[^}]*)?}");
    private static final Pattern INCOMING = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.(.+)");
    private static final Pattern PUBLISHED = Pattern.compile("^funnel_outbox_published_total\\{[^}]*topic=\"([^\"]+)\"",
            Pattern.MULTILINE);
    private static final Set<String> KAFKA_CLIENT_SETTINGS = kafkaClientSettings();

    /** Where a Quarkus application listens for management requests unless quarkus.management.port says else. */
    private static final int QUARKUS_DEFAULT_MANAGEMENT_PORT = 9000;

    final String name;
    private final Path module;
    private final Map<String, String> properties;
    private final Map<String, String> libraryProperties;

    private ServiceFacts(String name) {
        this.name = name;
        this.module = Repository.root().resolve(name);
        this.properties = loadProperties(module.resolve("src/main/resources/application.properties"));
        this.libraryProperties = new TreeMap<>();
        for (Path library : Repository.libraryModulesOf(module)) {
            Path configuration = library.resolve("src/main/resources/META-INF/microprofile-config.properties");
            if (Files.isRegularFile(configuration)) {
                libraryProperties.putAll(loadProperties(configuration));
            }
        }
    }

    static List<ServiceFacts> all() {
        return Repository.services().stream().map(ServiceFacts::new).toList();
    }

    /** The services and the web app: everything deployed with a Deployment, Services and a ServiceMonitor. */
    static List<ServiceFacts> workloads() {
        return Repository.workloads().stream().map(ServiceFacts::new).toList();
    }

    boolean isWebApp() {
        return Repository.WEB_APP.equals(name);
    }

    static ServiceFacts of(String name) {
        return new ServiceFacts(name);
    }

    /** The HTTP port the service listens on unless QUARKUS_HTTP_PORT says otherwise. */
    int httpPort() {
        return Integer.parseInt(properties.get("quarkus.http.port"));
    }

    /**
     * Where its management interface (health, metrics, OpenAPI) listens unless QUARKUS_MANAGEMENT_PORT says
     * otherwise: {@code quarkus.management.port}, or Quarkus' own default when the service does not name one.
     */
    int managementPort() {
        String port = properties.get("quarkus.management.port");
        return port == null ? QUARKUS_DEFAULT_MANAGEMENT_PORT : Integer.parseInt(port);
    }

    /**
     * Read by the image's run-java.sh before the JVM starts (components/jvm), not by the service's configuration;
     * JvmSettingsTest checks their values.
     */
    static final Set<String> RUN_JAVA_VARIABLES = Set.of("JAVA_MAX_MEM_RATIO");

    /**
     * Whether an environment variable means something to this service, by MicroProfile Config's rule (a key's
     * environment name is the key upper-cased with every character other than a letter or digit turned into
     * {@code _}), over the keys of its application.properties, of the libraries' configuration it ships with
     * (platform/web's META-INF/microprofile-config.properties, ...) and of its running configuration; or as a
     * variable that a value of that configuration reads ({@code ${FUNNEL_OIDC_URL:...}}); or by the Quarkus Kafka
     * extension's rule, which hands every {@code KAFKA_*} variable to the Kafka clients as a setting (lower-cased,
     * {@code _} as {@code .}), so such a name must be a real Kafka client setting.
     */
    boolean understandsEnvironmentVariable(String variable) {
        if (RUN_JAVA_VARIABLES.contains(variable)) {
            return true;
        }
        if (variable.startsWith("KAFKA_")) {
            String setting = variable.substring("KAFKA_".length()).toLowerCase().replace('_', '.');
            return KAFKA_CLIENT_SETTINGS.contains(setting);
        }
        return configurationKeys().stream().anyMatch(key -> environmentName(key).equals(variable))
                || variablesReadByTheConfiguration().contains(variable);
    }

    Set<String> configurationKeys() {
        Set<String> keys = new TreeSet<>(properties.keySet());
        keys.addAll(libraryProperties.keySet());
        keys.addAll(Repository.OPERATOR_KEYS.keySet());
        if (isWebApp()) {
            // No capture of its running configuration (WebAppRun runs it as a process): these keys are shown to
            // take effect by WebAppTest instead.
            keys.addAll(Repository.WEB_APP_CLUSTER_KEYS.keySet());
        } else {
            keys.addAll(capturedLines(".config"));
        }
        return keys;
    }

    /** The names that values of its configuration read as {@code ${NAME}} or {@code ${NAME:default}}. */
    Set<String> variablesReadByTheConfiguration() {
        Set<String> variables = new TreeSet<>();
        for (Map<String, String> source : List.of(properties, libraryProperties)) {
            source.values().forEach(value -> EXPRESSION.matcher(value).results()
                    .forEach(expression -> variables.add(expression.group(1))));
        }
        return variables;
    }

    static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    /** The health paths that answered UP while the service's tests ran. */
    Set<String> healthPathsUp() {
        return new TreeSet<>(capturedLines(".health"));
    }

    /** Its /q/metrics output, captured after its tests exercised it. */
    String metrics() {
        return Repository.read(captured(".prom"));
    }

    /**
     * The same metrics scraped again in Prometheus' classic text format, the only one {@code promtool check metrics}
     * reads (the capture above is OpenMetrics, as Prometheus scrapes it).
     */
    String metricsInTextFormat() {
        return String.join("\n", capturedLines(".text.prom")) + "\n";
    }

    /** Metric names in the capture: every sample's name ({@code x_count}, {@code x_sum} and so on included). */
    Set<String> metricNames() {
        return metrics().lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0])
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The topics its outbox really published to while its tests ran. */
    Set<String> publishedTopics() {
        Matcher matcher = PUBLISHED.matcher(metrics());
        return matcher.results().map(result -> result.group(1)).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The topics its SmallRye incoming channels read. */
    Set<String> consumedTopics() {
        return incoming().entrySet().stream()
                // The channel's own topic(s), not e.g. its dead-letter-queue.topic.
                .filter(entry -> entry.getKey().matches("[^.]+\\.topics?"))
                .flatMap(entry -> Arrays.stream(entry.getValue().split(",")))
                .map(String::trim)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The consumer groups of its incoming channels. */
    Set<String> consumerGroups() {
        return incoming().entrySet().stream()
                .filter(entry -> entry.getKey().matches("[^.]+\\.group\\.id"))
                .map(Map.Entry::getValue)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Whether it publishes through the transactional outbox (and so needs transactional-id ACLs). */
    boolean usesOutbox() {
        return Repository.read(module.resolve("pom.xml")).contains("<artifactId>funnel-outbox</artifactId>");
    }

    /**
     * The lag gauge values its lag test saw in one phase of its run ({@code caught-up} or {@code backlog}): one
     * line per series, the series as /q/metrics names it, then its values oldest first.
     */
    List<String> lagSeries(String phase) {
        return capturedLines(".lag-" + phase);
    }

    boolean captured() {
        return Files.isRegularFile(captured(".prom"));
    }

    private Map<String, String> incoming() {
        Map<String, String> incoming = new TreeMap<>();
        properties.forEach((key, value) -> {
            Matcher matcher = INCOMING.matcher(key);
            if (matcher.matches()) {
                incoming.put(matcher.group(1) + "." + matcher.group(2), resolve(value));
            }
        });
        return incoming;
    }

    private String resolve(String value) {
        Matcher matcher = EXPRESSION.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String replacement = properties.get(matcher.group(1));
            if (replacement == null) {
                throw new IllegalStateException(name + ": cannot resolve " + matcher.group());
            }
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(resolve(replacement)));
        }
        return matcher.appendTail(resolved).toString();
    }

    private Path captured(String suffix) {
        if (isWebApp()) {
            // Written by this module's WebAppRun, which runs the packaged web app and asks it.
            return WebAppRun.capture().resolve(name + suffix);
        }
        return module.resolve("target/metrics").resolve(name + suffix);
    }

    private List<String> capturedLines(String suffix) {
        Path file = captured(suffix);
        if (!Files.isRegularFile(file)) {
            String writer = suffix.startsWith(".lag-") ? "lag test" : "OperationsCaptureTest";
            throw new IllegalStateException(file + " is missing: it is written by " + name + "'s " + writer
                    + "; build the service with its tests first (./mvnw verify)");
        }
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Profile-less keys only: a %test value is not what the deployed service reads. */
    private static Map<String, String> loadProperties(Path file) {
        Properties loaded = new Properties();
        try {
            loaded.load(new StringReader(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> properties = new TreeMap<>();
        loaded.stringPropertyNames().stream().filter(key -> !key.startsWith("%"))
                .forEach(key -> properties.put(key, loaded.getProperty(key)));
        return properties;
    }

    private static Set<String> kafkaClientSettings() {
        Set<String> settings = new LinkedHashSet<>();
        settings.addAll(ProducerConfig.configNames());
        settings.addAll(ConsumerConfig.configNames());
        settings.addAll(AdminClientConfig.configNames());
        return settings;
    }

    @Override
    public String toString() {
        return name;
    }
}

package dev.funnel.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the launcher needs to know, from the command line and the environment: where the code and
 * the data live, which ports to use, whether to start clean or to load the demo story.
 */
public record StackSettings(
        Path home,
        Path dataDirectory,
        int kafkaPort,
        int kafkaControllerPort,
        int postgresPort,
        Optional<ExternalDatabase> externalDatabase,
        List<ServiceSpec> services,
        boolean reset,
        boolean demo) {

    /** The services in start order; analytics last, since it only reads what the others publish. */
    public static final List<ServiceSpec> DEFAULT_SERVICES = List.of(
            new ServiceSpec("activity-service", "activity", 8081),
            new ServiceSpec("prospect-service", "prospect", 8082),
            new ServiceSpec("objection-service", "objection", 8083),
            new ServiceSpec("analytics-service", "analytics", 8084));

    /** A PostgreSQL server the user gave instead of the embedded one. */
    public record ExternalDatabase(String url, String user, String password) {
    }

    public static StackSettings parse(String[] args, Map<String, String> environment, Path home) {
        Map<String, String> options = new LinkedHashMap<>();
        boolean reset = false;
        boolean demo = false;
        for (String arg : args) {
            if (arg.equals("--reset")) {
                reset = true;
            } else if (arg.equals("--demo")) {
                demo = true;
            } else if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else {
                throw new IllegalArgumentException("unknown argument " + arg + " (see --help)");
            }
        }
        Path data = Path.of(option(options, environment, "data-dir", "FUNNEL_DATA_DIR",
                home.resolve(".funnel-local").toString()));
        List<ServiceSpec> services = new ArrayList<>();
        for (ServiceSpec service : DEFAULT_SERVICES) {
            String key = service.name().replace("-service", "") + "-port";
            String env = "FUNNEL_" + service.name().replace("-service", "").toUpperCase() + "_PORT";
            services.add(service.withPort(port(options, environment, key, env, service.port())));
        }
        Optional<ExternalDatabase> external = Optional.ofNullable(environment.get("FUNNEL_DB_URL"))
                .map(url -> new ExternalDatabase(url, environment.getOrDefault("FUNNEL_DB_USER", "postgres"),
                        environment.getOrDefault("FUNNEL_DB_PASSWORD", "")));
        StackSettings settings = new StackSettings(home, data,
                port(options, environment, "kafka-port", "FUNNEL_KAFKA_PORT", 9092),
                port(options, environment, "kafka-controller-port", "FUNNEL_KAFKA_CONTROLLER_PORT", 9093),
                port(options, environment, "postgres-port", "FUNNEL_POSTGRES_PORT", 15432),
                external, List.copyOf(services), reset, demo);
        settings.refuseSharedPorts();
        return settings;
    }

    /**
     * Two parts on one port would fail later with a bind error from whichever started second, after the
     * others were already running; a typo in a port option is better named before anything starts.
     */
    private void refuseSharedPorts() {
        Map<Integer, String> owners = new LinkedHashMap<>();
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("--kafka-port", kafkaPort);
        ports.put("--kafka-controller-port", kafkaControllerPort);
        if (externalDatabase.isEmpty()) {
            ports.put("--postgres-port", postgresPort);
        }
        services.forEach(spec -> ports.put("--" + spec.name().replace("-service", "") + "-port", spec.port()));
        ports.forEach((option, port) -> {
            String earlier = owners.putIfAbsent(port, option);
            if (earlier != null) {
                throw new IllegalArgumentException(earlier + " and " + option + " are both " + port
                        + "; each part needs a port of its own");
            }
        });
    }

    private static String option(Map<String, String> options, Map<String, String> environment, String key,
            String env, String fallback) {
        return options.getOrDefault(key, environment.getOrDefault(env, fallback));
    }

    private static int port(Map<String, String> options, Map<String, String> environment, String key, String env,
            int fallback) {
        String value = option(options, environment, key, env, Integer.toString(fallback));
        try {
            int port = Integer.parseInt(value);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be a port number (1-65535) but was " + value);
        }
    }

    public Path kafkaDirectory() {
        return dataDirectory.resolve("kafka");
    }

    public Path postgresDirectory() {
        return dataDirectory.resolve("postgres");
    }

    public Path logDirectory() {
        return dataDirectory.resolve("logs");
    }

    public String bootstrapServers() {
        return "localhost:" + kafkaPort;
    }
}

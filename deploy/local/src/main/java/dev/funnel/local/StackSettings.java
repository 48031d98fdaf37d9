package dev.funnel.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the launcher needs to know, from the command line and the environment: where the code and
 * the data live, which ports to use, which identity provider the services and the web app trust, whether to start
 * clean or to load the demo story.
 *
 * @param externalOidcUrl the issuer given in {@code FUNNEL_OIDC_URL}; when present no Keycloak is started
 * @param webApp the web app, started after the services; empty only where a test leaves it out
 */
public record StackSettings(
        Path home,
        Path dataDirectory,
        int kafkaPort,
        int kafkaControllerPort,
        int postgresPort,
        int keycloakPort,
        Optional<ExternalDatabase> externalDatabase,
        Optional<String> externalOidcUrl,
        List<ServiceSpec> services,
        Optional<ServiceSpec> webApp,
        boolean reset,
        boolean demo,
        boolean fullJit) {

    /** The services in start order; analytics last, since it only reads what the others publish. */
    public static final List<ServiceSpec> DEFAULT_SERVICES = List.of(
            new ServiceSpec("activity-service", "activity", 8081, 9081),
            new ServiceSpec("prospect-service", "prospect", 8082, 9082),
            new ServiceSpec("objection-service", "objection", 8083, 9083),
            new ServiceSpec("analytics-service", "analytics", 8084, 9084));

    /** The pages people sign in to; Keycloak's realm file registers its default port for the client funnel-web. */
    public static final ServiceSpec DEFAULT_WEB_APP = ServiceSpec.withoutDatabase("web-app", 8080, 9080);

    /** The realm the launcher's Keycloak imports and the services' tokens come from. */
    public static final String REALM = "funnel";

    /** A PostgreSQL server the user gave instead of the embedded one. */
    public record ExternalDatabase(String url, String user, String password) {
    }

    public static StackSettings parse(String[] args, Map<String, String> environment, Path home) {
        Map<String, String> options = new LinkedHashMap<>();
        boolean reset = false;
        boolean demo = false;
        boolean fullJit = false;
        for (String arg : args) {
            if (arg.equals("--reset")) {
                reset = true;
            } else if (arg.equals("--demo")) {
                demo = true;
            } else if (arg.equals("--full-jit")) {
                fullJit = true;
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
            String key = shortName(service);
            String env = "FUNNEL_" + key.toUpperCase();
            services.add(service.withPorts(port(options, environment, key + "-port", env + "_PORT", service.port()),
                    port(options, environment, key + "-management-port", env + "_MANAGEMENT_PORT",
                            service.managementPort())));
        }
        ServiceSpec webApp = DEFAULT_WEB_APP.withPorts(
                port(options, environment, "web-port", "FUNNEL_WEB_PORT", DEFAULT_WEB_APP.port()),
                port(options, environment, "web-management-port", "FUNNEL_WEB_MANAGEMENT_PORT",
                        DEFAULT_WEB_APP.managementPort()));
        Optional<ExternalDatabase> external = Optional.ofNullable(environment.get("FUNNEL_DB_URL"))
                .map(url -> new ExternalDatabase(url, environment.getOrDefault("FUNNEL_DB_USER", "postgres"),
                        environment.getOrDefault("FUNNEL_DB_PASSWORD", "")));
        Optional<String> oidc = Optional.ofNullable(environment.get("FUNNEL_OIDC_URL")).filter(url -> !url.isBlank())
                .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        StackSettings settings = new StackSettings(home, data,
                port(options, environment, "kafka-port", "FUNNEL_KAFKA_PORT", 9092),
                port(options, environment, "kafka-controller-port", "FUNNEL_KAFKA_CONTROLLER_PORT", 9093),
                port(options, environment, "postgres-port", "FUNNEL_POSTGRES_PORT", 15432),
                port(options, environment, "keycloak-port", "FUNNEL_KEYCLOAK_PORT", 8180),
                external, oidc, List.copyOf(services), Optional.of(webApp), reset, demo, fullJit);
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
        if (externalOidcUrl.isEmpty()) {
            ports.put("--keycloak-port", keycloakPort);
        }
        services.forEach(spec -> ports.put("--" + shortName(spec) + "-port", spec.port()));
        services.forEach(spec -> ports.put("--" + shortName(spec) + "-management-port", spec.managementPort()));
        webApp.ifPresent(spec -> {
            ports.put("--web-port", spec.port());
            ports.put("--web-management-port", spec.managementPort());
        });
        ports.forEach((option, port) -> {
            String earlier = owners.putIfAbsent(port, option);
            if (earlier != null) {
                throw new IllegalArgumentException(earlier + " and " + option + " are both " + port
                        + "; each part needs a port of its own");
            }
        });
    }

    /** {@code activity} for activity-service: the stem of its options and environment variables. */
    static String shortName(ServiceSpec service) {
        return service.name().replace("-service", "");
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

    /** The issuer the services trust and the tokens come from: the given one, or the launcher's Keycloak realm. */
    public String oidcUrl() {
        return externalOidcUrl.orElse(keycloakUrl() + "/realms/" + REALM);
    }

    public String keycloakUrl() {
        return "http://localhost:" + keycloakPort;
    }

    /** Where the Keycloak distribution is unpacked (once) and keeps its own database. */
    public Path keycloakDirectory() {
        return dataDirectory.resolve("keycloak");
    }

    /** The Keycloak server zip that building deploy/local fetches from Maven Central. */
    public Path keycloakDistribution() {
        return home.resolve("deploy/local/target/keycloak/keycloak-quarkus-dist.zip");
    }

    /**
     * The port whose pages Keycloak's realm lets the client funnel-web return to: the web app's, or the realm
     * file's own when the web app is left out.
     */
    public int webAppPortForRealm() {
        return webApp.orElse(DEFAULT_WEB_APP).port();
    }

    public StackSettings withHome(Path newHome) {
        return new StackSettings(newHome, dataDirectory, kafkaPort, kafkaControllerPort, postgresPort, keycloakPort,
                externalDatabase, externalOidcUrl, services, webApp, reset, demo, fullJit);
    }

    public StackSettings withServices(List<ServiceSpec> newServices) {
        return new StackSettings(home, dataDirectory, kafkaPort, kafkaControllerPort, postgresPort, keycloakPort,
                externalDatabase, externalOidcUrl, List.copyOf(newServices), webApp, reset, demo, fullJit);
    }

    /** Only the services: for tests of the launcher's own behaviour, which the web app would only slow down. */
    public StackSettings withoutWebApp() {
        return new StackSettings(home, dataDirectory, kafkaPort, kafkaControllerPort, postgresPort, keycloakPort,
                externalDatabase, externalOidcUrl, services, Optional.empty(), reset, demo, fullJit);
    }

    public StackSettings withExternalDatabase(ExternalDatabase database) {
        return new StackSettings(home, dataDirectory, kafkaPort, kafkaControllerPort, postgresPort, keycloakPort,
                Optional.of(database), externalOidcUrl, services, webApp, reset, demo, fullJit);
    }

    /** The services and the web app compile with C2 as in a cluster, as {@code --full-jit} does. */
    public StackSettings withFullJit() {
        return new StackSettings(home, dataDirectory, kafkaPort, kafkaControllerPort, postgresPort, keycloakPort,
                externalDatabase, externalOidcUrl, services, webApp, reset, demo, true);
    }

    /** The services trust this identity provider instead, and no Keycloak is started, as FUNNEL_OIDC_URL does. */
    public StackSettings withExternalOidcUrl(String issuer) {
        return new StackSettings(home, dataDirectory, kafkaPort, kafkaControllerPort, postgresPort, keycloakPort,
                externalDatabase, Optional.of(issuer), services, webApp, reset, demo, fullJit);
    }
}

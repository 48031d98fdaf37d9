package dev.funnel.local;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One of the platform's processes as the launcher runs it: where its packaged jar is, which database it
 * owns (the web app owns none, and uses no Kafka either: it only calls the services' APIs), which port its
 * API or pages listen on and which its management interface (health, metrics, OpenAPI) does.
 */
public record ServiceSpec(String name, Optional<String> database, int port, int managementPort) {

    /** A service that owns a database of its own and publishes or consumes events. */
    public ServiceSpec(String name, String database, int port, int managementPort) {
        this(name, Optional.of(database), port, managementPort);
    }

    /** A process that owns no database and needs no Kafka, such as the web app. */
    public static ServiceSpec withoutDatabase(String name, int port, int managementPort) {
        return new ServiceSpec(name, Optional.empty(), port, managementPort);
    }

    /** The Quarkus fast-jar the module's {@code package} phase builds. */
    public Path jar(Path home) {
        return home.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Health ({@code /q/health/*}), metrics ({@code /q/metrics}) and OpenAPI ({@code /q/openapi}) live here. */
    public String managementUrl() {
        return "http://localhost:" + managementPort;
    }

    public ServiceSpec withPorts(int newPort, int newManagementPort) {
        return new ServiceSpec(name, database, newPort, newManagementPort);
    }
}

package dev.funnel.local;

import java.nio.file.Path;

/**
 * One of the platform's services as the launcher runs it: where its packaged jar is, which database it
 * owns, which port its API listens on and which its management interface (health, metrics, OpenAPI) does.
 */
public record ServiceSpec(String name, String database, int port, int managementPort) {

    /** The Quarkus fast-jar the service's {@code package} phase builds. */
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

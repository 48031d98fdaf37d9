package dev.funnel.local;

import java.nio.file.Path;

/**
 * One of the platform's services as the launcher runs it: where its packaged jar is, which database it
 * owns, which port it listens on.
 */
public record ServiceSpec(String name, String database, int port) {

    /** The Quarkus fast-jar the service's {@code package} phase builds. */
    public Path jar(Path home) {
        return home.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public ServiceSpec withPort(int newPort) {
        return new ServiceSpec(name, database, newPort);
    }
}

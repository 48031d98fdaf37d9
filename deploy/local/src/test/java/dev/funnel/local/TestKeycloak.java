package dev.funnel.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One real Keycloak for the tests of the launcher's own behaviour (ports, restarts, data, signals) and for the
 * browser tests' {@link WebAppStack}, which hand it to their stacks as {@code FUNNEL_OIDC_URL}, as a user with their
 * own provider would: a Keycloak per stack would add its start to every one of them. Started once per test JVM from
 * the launcher's own installation code, under {@code target/test-keycloak} (unpacked and built once per clean
 * build), with the realm of the repository; stopped when the JVM ends. The end-to-end test and the fault suite let
 * the launcher start its own instead.
 *
 * <p>Its realm lets the client funnel-web send browsers back to one web app port, {@link #webAppPort}, chosen
 * here, before Keycloak imports the realm: the web app of {@link WebAppStack} runs there. The port is kept in the
 * installation for the next run, since another port is another realm, which Keycloak would import afresh.
 */
final class TestKeycloak {

    private static final Path HOME = Path.of(System.getProperty("funnel.home", "../..")).toAbsolutePath();
    private static final String WEB_APP_PORT_FILE = "web-app-port";
    private static ServiceProcess process;
    private static String issuer;
    private static int webAppPort;

    private TestKeycloak() {
    }

    static synchronized String issuer() throws IOException, InterruptedException {
        if (issuer == null) {
            Path target = HOME.resolve("deploy/local/target");
            int port = LocalStackTest.distinctFreePorts(1).get(0);
            Path directory = target.resolve("test-keycloak");
            int web = chooseWebAppPort(directory.resolve(WEB_APP_PORT_FILE), port);
            SupervisedService.Launch launch = LocalKeycloak.prepare(
                    target.resolve("keycloak/keycloak-quarkus-dist.zip"), directory, port, web,
                    directory.resolve("logs"));
            ServiceProcess started = launch.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "test-keycloak-stop"));
            started.awaitReady(Duration.ofMinutes(6));
            process = started;
            webAppPort = web;
            issuer = "http://localhost:" + port + "/realms/" + StackSettings.REALM;
        }
        return issuer;
    }

    /** The one port of a web app whose sign-in this Keycloak completes (starting it if need be). */
    static synchronized int webAppPort() throws IOException, InterruptedException {
        issuer();
        return webAppPort;
    }

    /**
     * Last run's port if it is still free, so the realm stays the same; otherwise a new one. Either way no stack
     * of these tests is given it for another part.
     */
    private static int chooseWebAppPort(Path file, int keycloakPort) throws IOException {
        int port = 0;
        if (Files.isRegularFile(file)) {
            try {
                port = Integer.parseInt(Files.readString(file).trim());
            } catch (NumberFormatException e) {
                port = 0;
            }
        }
        if (port == 0 || port == keycloakPort || port >= LocalStackTest.ephemeralRangeStart()
                || !LocalStackTest.isFree(port)) {
            do {
                port = LocalStackTest.distinctFreePorts(1).get(0);
            } while (port == keycloakPort);
        }
        LocalStackTest.reserve(port);
        Files.createDirectories(file.getParent());
        Files.writeString(file, port + System.lineSeparator());
        return port;
    }

    /** Whether the process is this Keycloak or its JVM, which the launcher's tests must not count as theirs. */
    static synchronized boolean owns(ProcessHandle candidate) {
        if (process == null) {
            return false;
        }
        return candidate.pid() == process.pid() || candidate.parent().map(parent -> parent.pid() == process.pid())
                .orElse(false);
    }
}

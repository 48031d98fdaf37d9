package dev.funnel.local;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One real Keycloak for the tests of the launcher's own behaviour (ports, restarts, data, signals), which hand it
 * to their stacks as {@code FUNNEL_OIDC_URL}, as a user with their own provider would: a Keycloak per stack would
 * add its start to every one of them. Started once per test JVM from the launcher's own installation code, under
 * {@code target/test-keycloak} (unpacked and built once per clean build), with the realm of the repository; stopped
 * when the JVM ends. The end-to-end test and the fault suite let the launcher start its own instead.
 */
final class TestKeycloak {

    private static final Path HOME = Path.of(System.getProperty("funnel.home", "../..")).toAbsolutePath();
    private static ServiceProcess process;
    private static String issuer;

    private TestKeycloak() {
    }

    static synchronized String issuer() throws IOException, InterruptedException {
        if (issuer == null) {
            Path target = HOME.resolve("deploy/local/target");
            int port = LocalStackTest.distinctFreePorts(1).get(0);
            Path directory = target.resolve("test-keycloak");
            SupervisedService.Launch launch = LocalKeycloak.prepare(
                    target.resolve("keycloak/keycloak-quarkus-dist.zip"), directory, port, directory.resolve("logs"));
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
            issuer = "http://localhost:" + port + "/realms/" + StackSettings.REALM;
        }
        return issuer;
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

package dev.funnel.testing;

import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.StreamSupport;

/**
 * Writes down what a running service offers to operations, so that {@code deploy/checks} can hold the Kubernetes
 * manifests, alerts and dashboards against the real thing rather than against what a README says:
 *
 * <ul>
 *   <li>{@code target/metrics/<service>.prom}: its {@code /q/metrics} output, taken after the test exercised it
 *       (counters with labels appear only once something was counted);</li>
 *   <li>{@code target/metrics/<service>.text.prom}: the same, scraped again in Prometheus' classic text format
 *       ({@link #TEXT_FORMAT}), for {@code promtool check metrics};</li>
 *   <li>{@code target/metrics/<service>.health}: the health paths that answered UP, one a line;</li>
 *   <li>{@code target/metrics/<service>.config}: the names of its configuration properties, one a line, so that
 *       an environment variable in a Deployment can be checked to mean something to the service.</li>
 * </ul>
 *
 * Paths are relative to the working directory, which Surefire sets to the module's directory.
 */
public final class OperationsCapture {

    /**
     * Prometheus' classic text format, the only one {@code promtool check metrics} reads. Asked for any type (as
     * RestAssured and Prometheus itself ask), Quarkus answers OpenMetrics 1.0, whose HELP lines escape {@code "} as
     * {@code \"}: the classic format has no such escape, so promtool refused every OpenMetrics scrape.
     */
    public static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    /** The paths the Kubernetes probes use: liveness, readiness and startup. */
    public static final List<String> HEALTH_PATHS = List.of("/q/health/live", "/q/health/ready", "/q/health/started");

    private static final Path DIRECTORY = Path.of("target", "metrics");

    private OperationsCapture() {
    }

    /**
     * @param service the service's name, as its module and its Kubernetes Deployment are called
     * @param metrics the body of {@code GET /q/metrics} (OpenMetrics, as Prometheus scrapes it); the capture also
     *     scrapes it once more in {@link #TEXT_FORMAT}
     * @param healthPathsUp those of {@link #HEALTH_PATHS} that answered 200
     * @param propertyNames the application's configuration property names
     *     ({@code ConfigProvider.getConfig().getPropertyNames()}); profile-specific names and names without a dot
     *     (plain environment variables of the test JVM) are left out
     */
    public static void write(String service, String metrics, Collection<String> healthPathsUp,
            Iterable<String> propertyNames) {
        TreeSet<String> keys = new TreeSet<>();
        StreamSupport.stream(propertyNames.spliterator(), false)
                .filter(name -> !name.startsWith("%") && name.contains("."))
                .forEach(keys::add);
        try {
            Files.createDirectories(DIRECTORY);
            Files.writeString(DIRECTORY.resolve(service + ".prom"), metrics);
            Files.writeString(DIRECTORY.resolve(service + ".text.prom"), scrapeInTextFormat());
            Files.write(DIRECTORY.resolve(service + ".health"), new TreeSet<>(healthPathsUp));
            Files.write(DIRECTORY.resolve(service + ".config"), keys);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the operations capture of " + service, e);
        }
    }

    private static String scrapeInTextFormat() {
        Response response = ManagementInterface.given().accept(TEXT_FORMAT).get("/q/metrics");
        if (response.statusCode() != 200 || !response.contentType().startsWith("text/plain")) {
            throw new IllegalStateException("/q/metrics in the text format answered " + response.statusCode() + " "
                    + response.contentType());
        }
        return response.asString();
    }
}

package dev.funnel.deploy.checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where things are in this repository, and what its root pom says about images and modules. */
final class Repository {

    /**
     * Metrics the dashboards show before the service that exposes them has them, each with the issue that brings
     * it. Every other metric must be in a service's captured /q/metrics, and a metric listed here that a service
     * does expose fails the build until it is taken off the list.
     */
    static final Map<String, String> ARRIVING_METRICS = Map.of();

    /**
     * Series alerts take from elsewhere than the services: kube-state-metrics (part of kube-prometheus-stack) tells
     * readiness as Kubernetes sees it, which no service can report about itself.
     */
    static final List<String> EXTERNAL_METRICS = List.of(
            "kube_deployment_status_replicas_ready", "kube_pod_status_ready", "kube_deployment_created");

    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

    private static final Path ROOT = findRoot();

    private Repository() {
    }

    static Path root() {
        return ROOT;
    }

    static Path deploy() {
        return ROOT.resolve("deploy");
    }

    /** The Quarkus services: the root pom's modules named {@code *-service}, in the pom's order. */
    static List<String> services() {
        Matcher matcher = MODULE.matcher(read(ROOT.resolve("pom.xml")));
        return matcher.results().map(result -> result.group(1)).filter(module -> module.endsWith("-service"))
                .toList();
    }

    /** A property of the root pom, such as {@code quarkus.container-image.group}, with ${project.version} resolved. */
    static String rootPomProperty(String name) {
        String pom = read(ROOT.resolve("pom.xml"));
        Matcher matcher = Pattern.compile("<" + Pattern.quote(name) + ">([^<]*)</" + Pattern.quote(name) + ">")
                .matcher(pom);
        if (!matcher.find()) {
            throw new IllegalStateException("The root pom has no property " + name);
        }
        return matcher.group(1).replace("${project.version}", projectVersion(pom));
    }

    private static String projectVersion(String pom) {
        // The project's own version is the first <version> after its artifactId.
        Matcher matcher = Pattern.compile("<artifactId>funnel-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);
        if (!matcher.find()) {
            throw new IllegalStateException("No version found in the root pom");
        }
        return matcher.group(1);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path findRoot() {
        String home = System.getProperty("funnel.home");
        Path start = home != null && !home.isBlank() ? Path.of(home) : Path.of("").toAbsolutePath();
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isRegularFile(pom) && read(pom).contains("<artifactId>funnel-parent</artifactId>")
                    && Files.isDirectory(dir.resolve("deploy"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Not inside the funnel repository: " + start);
    }
}

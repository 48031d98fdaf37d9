package dev.funnel.deploy.checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.MatchResult;
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
     * readiness as Kubernetes sees it, which no service can report about itself; Prometheus itself writes {@code up}
     * for every target it scrapes (1 when the scrape worked).
     */
    static final List<String> EXTERNAL_METRICS = List.of(
            "kube_deployment_status_replicas_ready", "kube_pod_status_ready", "kube_deployment_created", "up");

    /**
     * What {@code promtool check metrics} says about metrics that libraries define and we cannot fix, one problem a
     * line exactly as promtool reports it, under the library that names or describes the metric. Renaming them
     * (a Micrometer MeterFilter could) would break every dashboard and alert written for these libraries, and their
     * descriptions are theirs; MetricsLintTest fails on any problem not listed here, and on every problem of a metric
     * of this project ({@code funnel_*}), which is never listed.
     */
    static final Map<String, List<String>> LIBRARY_METRIC_PROBLEMS = Map.of(
            "kafka-clients 4.1.2, bound by Micrometer's KafkaClientMetrics: Kafka's own metric names end in _ns, "
                    + "_ms and _count, and some have an empty description", List.of(
                    "kafka_app_info_start_time_ms metric names should not contain abbreviated units",
                    "kafka_consumer_commit_sync_time_ns_total metric names should not contain abbreviated units",
                    "kafka_consumer_committed_time_ns_total metric names should not contain abbreviated units",
                    "kafka_consumer_connection_count non-histogram and non-summary metrics should not have "
                            + "\"_count\" suffix",
                    "kafka_consumer_io_time_ns_avg metric names should not contain abbreviated units",
                    "kafka_consumer_io_time_ns_total metric names should not contain abbreviated units",
                    "kafka_consumer_io_wait_time_ns_avg metric names should not contain abbreviated units",
                    "kafka_consumer_io_wait_time_ns_total metric names should not contain abbreviated units",
                    // Per broker node, once the consumer has waited on a request to it: not in every capture.
                    "kafka_consumer_node_request_latency_avg no help text",
                    "kafka_consumer_node_request_latency_max no help text",
                    "kafka_producer_bufferpool_wait_time_ns_total metric names should not contain abbreviated units",
                    "kafka_producer_connection_count non-histogram and non-summary metrics should not have "
                            + "\"_count\" suffix",
                    "kafka_producer_flush_time_ns_total metric names should not contain abbreviated units",
                    "kafka_producer_io_time_ns_avg metric names should not contain abbreviated units",
                    "kafka_producer_io_time_ns_total metric names should not contain abbreviated units",
                    "kafka_producer_io_wait_time_ns_avg metric names should not contain abbreviated units",
                    "kafka_producer_io_wait_time_ns_total metric names should not contain abbreviated units",
                    "kafka_producer_metadata_wait_time_ns_total metric names should not contain abbreviated units",
                    "kafka_producer_node_request_latency_avg no help text",
                    "kafka_producer_node_request_latency_max no help text",
                    "kafka_producer_txn_abort_time_ns_total metric names should not contain abbreviated units",
                    "kafka_producer_txn_begin_time_ns_total metric names should not contain abbreviated units",
                    "kafka_producer_txn_commit_time_ns_total metric names should not contain abbreviated units",
                    "kafka_producer_txn_init_time_ns_total metric names should not contain abbreviated units",
                    "kafka_producer_txn_prepare_time_ns_total metric names should not contain abbreviated units",
                    "kafka_producer_txn_send_offsets_time_ns_total metric names should not contain abbreviated "
                            + "units"),
            "Micrometer 1.16.3's ProcessorMetrics: process.cpu.time in ns, system.cpu.count", List.of(
                    "process_cpu_time_ns_total metric names should not contain abbreviated units",
                    "system_cpu_count non-histogram and non-summary metrics should not have \"_count\" suffix"),
            "Micrometer 1.16.3's Netty binders, which Quarkus 3.33.2 registers for Vert.x, without descriptions",
            List.of(
                    "netty_allocator_memory_pinned no help text",
                    "netty_allocator_memory_used no help text",
                    "netty_allocator_pooled_arenas no help text",
                    "netty_allocator_pooled_cache_size no help text",
                    "netty_allocator_pooled_chunk_size no help text",
                    "netty_allocator_pooled_threadlocal_caches no help text",
                    "netty_eventexecutor_tasks_pending no help text"),
            "Quarkus 3.33.2's Vert.x HTTP binder: a gauge without description, and a long task timer whose samples "
                    + "Micrometer's Prometheus registry (simpleclient 0.16.0) writes under other names than its "
                    + "help", List.of(
                    "http_server_active_requests no help text",
                    "http_server_connections_seconds_active_count no help text",
                    "http_server_connections_seconds_duration_sum no help text"));

    /**
     * Configuration keys no service sets, which an overlay may set where Quarkus' default does not fit, each with
     * when. deploy/README.md offers them; they are understood as settings of every service.
     */
    static final Map<String, String> OPERATOR_KEYS = Map.of(
            "quarkus.oidc.roles.role-claim-path",
            "the claim with the roles, for a provider that puts them neither in groups nor in realm_access/roles");

    /** The module of the pages people use: deployed like a service, but with no database and no Kafka. */
    static final String WEB_APP = "web-app";

    /**
     * Quarkus keys a cluster sets for the web app that its application.properties leaves to Quarkus' defaults
     * (they are right on one machine without a proxy), each with why. WebAppTest runs the real web app with the
     * Deployment's environment and shows each one's effect, so a misspelt variable fails the build.
     */
    static final Map<String, String> WEB_APP_CLUSTER_KEYS = Map.of(
            "quarkus.oidc.token-state-manager.encryption-secret",
            "encrypts the session cookie: every replica must read the sessions the others made",
            "quarkus.oidc.authentication.state-secret",
            "protects the sign-in state cookie: the provider's answer may reach another replica than the redirect",
            "quarkus.http.proxy.proxy-address-forwarding", "behind the Ingress: honour forwarded headers",
            "quarkus.http.proxy.allow-x-forwarded", "behind the Ingress: X-Forwarded-Proto and -Host",
            "quarkus.http.proxy.enable-forwarded-host", "behind the Ingress: the host people typed, not the pod's",
            "quarkus.oidc.authentication.cookie-force-secure", "TLS ends at the Ingress: Secure session cookies",
            "quarkus.rest-csrf.cookie-force-secure", "TLS ends at the Ingress: a Secure CSRF cookie");

    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern DEPENDENCY = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);
    private static final Pattern ARTIFACT = Pattern.compile("<artifactId>([^<]+)</artifactId>");

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

    /** What runs in the cluster as a Deployment of its own: the services, then the web app. */
    static List<String> workloads() {
        Matcher matcher = MODULE.matcher(read(ROOT.resolve("pom.xml")));
        return matcher.results().map(result -> result.group(1))
                .filter(module -> module.endsWith("-service") || WEB_APP.equals(module)).toList();
    }

    /**
     * The repository's library modules a module runs with: its dependencies on modules of this build that are not
     * test-scoped, and theirs, transitively. Their configuration (META-INF/microprofile-config.properties) is part
     * of the module's.
     */
    static List<Path> libraryModulesOf(Path module) {
        Map<String, Path> modulesByArtifact = new TreeMap<>();
        MODULE.matcher(read(ROOT.resolve("pom.xml"))).results().map(result -> ROOT.resolve(result.group(1)))
                .forEach(dir -> modulesByArtifact.put(ownArtifactId(dir), dir));
        Set<Path> found = new LinkedHashSet<>();
        Deque<Path> toRead = new ArrayDeque<>(List.of(module));
        while (!toRead.isEmpty()) {
            String pom = read(toRead.pop().resolve("pom.xml"));
            DEPENDENCY.matcher(pom).results().map(MatchResult::group)
                    .filter(dependency -> !dependency.contains("<scope>test</scope>"))
                    .map(dependency -> ARTIFACT.matcher(dependency).results().findFirst().orElseThrow().group(1))
                    .map(modulesByArtifact::get)
                    .filter(Objects::nonNull)
                    .filter(found::add)
                    .forEach(toRead::add);
        }
        return List.copyOf(found);
    }

    private static String ownArtifactId(Path module) {
        // A module's own artifactId is the first one after its parent's.
        String pom = read(module.resolve("pom.xml"));
        Matcher matcher = ARTIFACT.matcher(pom.substring(pom.indexOf("</parent>")));
        if (!matcher.find()) {
            throw new IllegalStateException(module + "/pom.xml names no artifactId");
        }
        return matcher.group(1);
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

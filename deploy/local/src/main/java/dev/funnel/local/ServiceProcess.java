package dev.funnel.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One child process of the launcher, a service from its packaged jar or the identity provider, its output going
 * to its own log file, ready once its readiness URL answers 200.
 */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final String name;
    private final URI readyUrl;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, URI readyUrl, Process process, Path log) {
        this.name = name;
        this.readyUrl = readyUrl;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts the service with its whole configuration in environment variables (12-factor); with {@code fullJit}, C2
     * compiles it too, as in a cluster (for measuring throughput: {@code ./run-local --full-jit}).
     */
    static ServiceProcess start(ServiceSpec spec, Path jar, Map<String, String> environment, Path logDirectory,
            boolean fullJit) throws IOException {
        Files.createDirectories(logDirectory);
        Path log = logDirectory.resolve(spec.name() + ".log");
        // Small on purpose: five JVMs, Keycloak, Kafka and PostgreSQL share one developer machine. C1 only
        // (TieredStopAtLevel=1) starts each service sooner and keeps the JIT's threads and code cache small, and the
        // serial collector needs no GC threads; a cluster runs full JIT and a heap sized from the container's memory
        // limit instead (deploy/k8s/components/jvm, deploy/README.md "JVM settings").
        List<String> command = new ArrayList<>(List.of(javaExecutable()));
        command.addAll(jvmOptions(fullJit));
        command.addAll(List.of("-jar", jar.toString()));
        // Readiness is on the management interface: the API port answers only business endpoints.
        return start(spec.name(), command, environment, log, URI.create(spec.managementUrl() + "/q/health/ready"));
    }

    /** The heap and collector stay small either way; only the JIT changes. */
    static List<String> jvmOptions(boolean fullJit) {
        List<String> options = new ArrayList<>(List.of("-Xms32m", "-Xmx192m", "-XX:+UseSerialGC"));
        if (!fullJit) {
            options.add("-XX:TieredStopAtLevel=1");
        }
        return options;
    }

    /** Starts any command as a child of the launcher, its environment added to the launcher's own. */
    static ServiceProcess start(String name, List<String> command, Map<String, String> environment, Path log,
            URI readyUrl) throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        return new ServiceProcess(name, readyUrl, builder.start(), log);
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Waits until the readiness URL answers 200 (for a service: UP), or fails with the reason the log gives. */
    void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue()
                        + "; see " + log);
            }
            if (isReady()) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s; see "
                + log);
    }

    boolean isReady() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(readyUrl)
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Blocks until the process ends, however it ends, and returns its exit code (128 + signal if killed). */
    int awaitExit() throws InterruptedException {
        return process.waitFor();
    }

    /**
     * Kills the process at once, as a crash would (for tests of recovery), and whatever it started: Keycloak's
     * {@code kc.sh} runs its JVM as a child, which SIGKILL to the script alone would leave running.
     */
    void kill() throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * SIGTERM, so Quarkus shuts down in order ({@code kc.sh} passes it on to its JVM); SIGKILL to it and what it
     * started only if it does not end within the grace period.
     */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
            kill();
        }
    }
}

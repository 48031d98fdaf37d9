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

/** One service running as a child process from its packaged jar, its output going to its own log file. */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final ServiceSpec spec;
    private final Process process;
    private final Path log;

    private ServiceProcess(ServiceSpec spec, Process process, Path log) {
        this.spec = spec;
        this.process = process;
        this.log = log;
    }

    /** Starts the service with its whole configuration in environment variables (12-factor). */
    static ServiceProcess start(ServiceSpec spec, Path jar, Map<String, String> environment, Path logDirectory)
            throws IOException {
        Files.createDirectories(logDirectory);
        Path log = logDirectory.resolve(spec.name() + ".log");
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xms32m", "-Xmx192m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        return new ServiceProcess(spec, builder.start(), log);
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Waits until {@code /q/health/ready} answers UP, or fails with the reason the log gives. */
    void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(spec.name() + " exited with code " + process.exitValue()
                        + "; see " + log);
            }
            if (isReady()) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new IllegalStateException(spec.name() + " was not ready within " + timeout.toSeconds() + " s; see "
                + log);
    }

    boolean isReady() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create(spec.baseUrl() + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    ServiceSpec spec() {
        return spec;
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

    /** Kills the process at once, as a crash would (for tests of recovery). */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
    }

    /** SIGTERM, so Quarkus shuts down in order; SIGKILL only if it does not within the grace period. */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
        }
    }
}

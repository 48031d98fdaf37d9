package dev.funnel.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher as the README runs it: its own JVM, its main method, ended by a signal. What only a process shows:
 * the exit code, the one line on standard error, and that Ctrl-C or SIGTERM stops every process it started.
 */
class LauncherProcessTest {

    private static final Path HOME = Path.of(System.getProperty("funnel.home", "../..")).toAbsolutePath();

    private static final String EVERYTHING_UP =
            "Everything is up. Ctrl-C stops it; data stays for the next start (--reset starts clean).";

    @TempDir
    Path data;

    @Test
    void aLauncherThatCannotStartExitsWith1AndSaysWhyInOneLine() throws Exception {
        List<String> args = portArguments();
        int kafkaPort = Integer.parseInt(args.get(0).substring("--kafka-port=".length()));
        try (ServerSocket taken = new ServerSocket(kafkaPort)) {
            Process launcher = launcher(args);
            List<String> errors = lines(launcher.getErrorStream());

            assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(launcher.exitValue()).isEqualTo(1);
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0)).startsWith("funnel-local: already in use: Kafka port " + kafkaPort);
        }
    }

    /** Stopped while it restarts a service it saw die: that restart must not outlive the launcher either. */
    @Test
    void sigtermStopsEveryProcessTheLauncherStartedEvenDuringARestart() throws Exception {
        List<String> args = portArguments();
        int postgresPort = Integer.parseInt(args.get(2).substring("--postgres-port=".length()));
        Path output = data.resolve("launcher.out");
        // To files, not pipes: Process.destroy() would close the pipes, and the launcher's last words with them.
        Process launcher = launcher(args, ProcessBuilder.Redirect.to(output.toFile()),
                ProcessBuilder.Redirect.to(data.resolve("launcher.err").toFile()));
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
            while (!printed(output).contains(EVERYTHING_UP) && launcher.isAlive() && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(200);
            }
            assertThat(printed(output)).as("launcher running").contains(EVERYTHING_UP);
            List<ProcessHandle> started = launcher.descendants().toList();
            assertThat(started).as("the four services").hasSizeGreaterThanOrEqualTo(4);
            ProcessHandle activity = launcher.children().filter(child -> runs(child, "activity-service")).findFirst()
                    .orElseThrow();

            activity.destroyForcibly();
            await().atMost(Duration.ofSeconds(30)).until(() -> printed(output).stream()
                    .anyMatch(line -> line.startsWith("activity-service exited unexpectedly with code 137")));
            launcher.toHandle().destroy(); // SIGTERM, as an operator's kill or a container stop would send

            assertThat(launcher.waitFor(90, TimeUnit.SECONDS)).isTrue();
            List<String> lines = printed(output);
            assertThat(lines).contains(LocalStack.STOPPING, "Stopped.");
            int stopping = lines.indexOf(LocalStack.STOPPING);
            assertThat(lines.subList(stopping, lines.size())).as("no restart after the stop began")
                    .noneMatch(line -> line.startsWith("activity-service"));
            assertThat(started).noneMatch(ProcessHandle::isAlive);
            // The restarted process is no child the snapshot above knew of, and once the launcher is gone no
            // child of it at all: look for it by its jar.
            assertThat(ProcessHandle.allProcesses().filter(process -> runs(process, "activity-service"))
                    .filter(process -> !WebAppStack.owns(process)))
                    .as("no activity-service left running").isEmpty();
            assertThat(LocalStackTest.isFree(postgresPort)).as("PostgreSQL stopped").isTrue();
        } finally {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
    }

    /** Whether the process runs this clone's build of the service (other clones on the machine have theirs). */
    private static boolean runs(ProcessHandle process, String service) {
        String jar = StackSettings.DEFAULT_SERVICES.stream().filter(spec -> spec.name().equals(service)).findFirst()
                .orElseThrow().jar(HOME).toString();
        return process.isAlive() && process.info().arguments().map(List::of).orElse(List.of()).contains(jar);
    }

    private static List<String> printed(Path output) throws IOException {
        return Files.exists(output) ? Files.readAllLines(output) : List.of();
    }

    /** Kafka's port first, PostgreSQL's third, as {@link LocalStackTest#PORT_NAMES} orders them. */
    private List<String> portArguments() throws IOException {
        List<String> args = new ArrayList<>(List.of(LocalStackTest.portArguments(data, List.of())));
        args.add(args.remove(0)); // --data-dir last, the ports from the first
        return args;
    }

    private Process launcher(List<String> args) throws IOException, InterruptedException {
        return launcher(args, ProcessBuilder.Redirect.PIPE, ProcessBuilder.Redirect.PIPE);
    }

    /**
     * The launcher's main class on this test's class path, started from the project's root like ./run-local, with
     * the tests' Keycloak given in FUNNEL_OIDC_URL.
     */
    private Process launcher(List<String> args, ProcessBuilder.Redirect output, ProcessBuilder.Redirect errors)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"), LocalStack.class.getName()));
        command.addAll(args);
        Files.createDirectories(data);
        ProcessBuilder builder = new ProcessBuilder(command).directory(HOME.toFile()).redirectOutput(output)
                .redirectError(errors);
        builder.environment().put("FUNNEL_OIDC_URL", TestKeycloak.issuer());
        return builder.start();
    }

    private static List<String> lines(InputStream stream) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            return reader.lines().filter(line -> !line.isBlank()).toList();
        }
    }
}

package dev.funnel.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher keeps a running stack whole, as Kubernetes would: a service that dies is started again, one
 * that keeps dying is given up on, and the rest runs on. Real service processes from their packaged jars,
 * ended from outside with real signals.
 */
class SupervisionTest {

    private static final String ACTIVITY = "activity-service";
    private static final String PROSPECT = "prospect-service";

    @TempDir
    Path data;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @Test
    void aServiceKilledWithSigkillIsRestartedAndAnswersAgainAndStoppingDuringARestartLeavesNothing()
            throws Exception {
        StackSettings settings = LocalStackTest.withServices(LocalStackTest.settingsOnFreePorts(data), 1);
        Path log = settings.logDirectory().resolve(ACTIVITY + ".log");
        long restarting;

        try (LocalStack stack = LocalStack.start(settings, console())) {
            long first = stack.status(ACTIVITY).pid();

            assertThat(ProcessHandle.of(first).orElseThrow().destroyForcibly()).as("SIGKILL sent").isTrue();
            ServiceStatus again = stack.awaitRestart(ACTIVITY, first, Duration.ofMinutes(3));

            assertThat(again.pid()).isNotEqualTo(first);
            assertThat(again.restarts()).isEqualTo(1);
            assertThat(ProcessHandle.of(first).filter(ProcessHandle::isAlive)).isEmpty();
            String url = stack.urls().get(ACTIVITY);
            assertThat(LocalStackTest.post(url + "/techniques",
                    "{\"slug\":\"after-crash\",\"name\":\"After\",\"cadence\":\"DAILY\"}",
                    LocalStackTest.marketer(stack))).isEqualTo(201);
            assertThat(printed()).contains(
                    ACTIVITY + " exited unexpectedly with code 137 (log: " + log + "); restarting in 1 s",
                    ACTIVITY + " is ready again (pid " + again.pid() + ", 1 restart so far)");
            assertThat(Files.readString(log)).contains("funnel-local: exited with code 137, starting again");

            // Killed again, and the launcher stopped while the new process is starting: it must go too.
            ProcessHandle.of(again.pid()).orElseThrow().destroyForcibly();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> stack.status(ACTIVITY).state() == ServiceStatus.State.RESTARTING);
            restarting = stack.status(ACTIVITY).pid();
        }

        assertThat(ProcessHandle.of(restarting).filter(ProcessHandle::isAlive)).as("the restarted one").isEmpty();
        assertThat(LocalStackTest.runningChildProcesses()).isEmpty();
        assertThat(printed()).doesNotContain(ACTIVITY + " is ready again (pid " + restarting);
    }

    /**
     * What makes it keep dying is the real service failing as it would when something else took its port
     * while it was down: every start then exits with code 1 a few seconds in. That is the service's own start
     * up and its own exit, with the launcher's environment unchanged, rather than a stand-in main class the
     * launcher would need a way to run and no user would ever meet. The backoff is shortened so the five
     * restarts take seconds rather than half a minute; the limit and the window are the real ones.
     */
    @Test
    void aServiceThatKeepsDyingIsGivenUpOnAfterFiveRestartsInTheWindowAndTheOthersKeepRunning() throws Exception {
        StackSettings settings = LocalStackTest.withServices(LocalStackTest.settingsOnFreePorts(data), 2);
        RestartPolicy quick = new RestartPolicy(Duration.ofMillis(250), Duration.ofSeconds(1),
                RestartPolicy.DEFAULT.maxRestarts(), RestartPolicy.DEFAULT.window());
        int activityPort = settings.services().get(0).port();
        Path log = settings.logDirectory().resolve(ACTIVITY + ".log");

        try (LocalStack stack = LocalStack.start(settings, console(), quick)) {
            long prospect = stack.status(PROSPECT).pid();
            ProcessHandle activity = ProcessHandle.of(stack.status(ACTIVITY).pid()).orElseThrow();
            activity.destroyForcibly();
            // The port is free once the process is gone, and the first restart is a backoff away.
            activity.onExit().get(30, TimeUnit.SECONDS);
            try (ServerSocket squatter = new ServerSocket(activityPort)) {
                await().atMost(Duration.ofMinutes(3))
                        .until(() -> stack.status(ACTIVITY).state() == ServiceStatus.State.GAVE_UP);

                ServiceStatus given = stack.status(ACTIVITY);
                assertThat(given.restarts()).isEqualTo(5);
                assertThat(ProcessHandle.of(given.pid()).filter(ProcessHandle::isAlive)).isEmpty();
                assertThat(printed().lines().filter(line -> line.startsWith(ACTIVITY + " exited unexpectedly")))
                        .hasSize(5);
                assertThat(printed()).contains(ACTIVITY + " exited with code 1 after 5 restarts in 5 min: giving "
                        + "up on it; the rest of the stack keeps running. Its log says why: " + log);
                assertThat(Files.readString(log)).as("what the user is sent to read")
                        .contains("Port " + activityPort + " seems to be in use");
            }
            ServiceStatus other = stack.status(PROSPECT);
            assertThat(other.state()).isEqualTo(ServiceStatus.State.RUNNING);
            assertThat(other.pid()).isEqualTo(prospect);
            assertThat(LocalStackTest.get(stack.managementUrls().get(PROSPECT) + "/q/health/ready", null)
                    .statusCode()).isEqualTo(200);
        }

        assertThat(LocalStackTest.runningChildProcesses()).isEmpty();
    }

    private PrintStream console() {
        return new PrintStream(console, true, StandardCharsets.UTF_8);
    }

    private String printed() {
        return console.toString(StandardCharsets.UTF_8);
    }
}

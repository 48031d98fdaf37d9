package dev.funnel.deploy.checks;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Prometheus' promtool (Debian's {@code prometheus} package), where it is installed. Without it a check that needs
 * it is skipped with a message, unless {@value #REQUIRE}=1 ({@code .ci/run} sets it after installing promtool):
 * then a missing promtool is a failure, so that a failed install cannot pass unnoticed as a skip.
 */
final class Promtool {

    static final String REQUIRE = "FUNNEL_REQUIRE_PROMTOOL";

    private static final boolean PRESENT = lookUp();

    /** What promtool said, and whether it exited with 0. */
    record Result(boolean ok, String output) {

        /** "ok" or "failed", then the output, so an assertion message shows what promtool said. */
        @Override
        public String toString() {
            return (ok ? "ok\n" : "failed\n") + output;
        }
    }

    private Promtool() {
    }

    /**
     * Returns when promtool is installed; otherwise skips the calling test saying what went unchecked, or fails
     * when {@value #REQUIRE} is 1 in {@code environment}.
     */
    static void require(String unchecked, Map<String, String> environment) {
        if (!PRESENT) {
            // Surefire lists skipped tests without their reason: say it where the build log shows it.
            System.err.println("[deploy/checks] " + reason(unchecked));
        }
        require(PRESENT, unchecked, environment);
    }

    static void require(boolean present, String unchecked, Map<String, String> environment) {
        if (present) {
            return;
        }
        if ("1".equals(environment.get(REQUIRE))) {
            throw new IllegalStateException(reason(unchecked) + "; " + REQUIRE
                    + "=1: a missing promtool is a failure");
        }
        Assumptions.abort(reason(unchecked) + "; skipped (" + REQUIRE + "=1 makes this a failure)");
    }

    private static String reason(String unchecked) {
        return "promtool is not installed here: " + unchecked + " (apt-get install prometheus brings it)";
    }

    /** promtool with {@code arguments} in {@code directory}, reading {@code input} on its standard input. */
    static Result run(Path directory, String input, String... arguments) throws IOException, InterruptedException {
        String[] command = new String[arguments.length + 1];
        command[0] = "promtool";
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .start();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        } catch (IOException closedEarly) {
            // promtool stops reading at the first line it cannot parse, and says which below.
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean finished = process.waitFor(2, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        return new Result(finished && process.exitValue() == 0, output);
    }

    private static boolean lookUp() {
        try {
            Process process = new ProcessBuilder("promtool", "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(1, TimeUnit.MINUTES) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

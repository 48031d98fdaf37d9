package dev.funnel.events;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Node.js and npm for the AsyncAPI tools under {@code events/tools/asyncapi}: found on the {@code PATH}, with the
 * pinned packages installed once into {@code target/asyncapi-tools} by {@code npm ci}.
 *
 * <p>A machine with only a JDK may lack Node: then the tests that need it are skipped with a message saying how to
 * install it, unless {@code FUNNEL_REQUIRE_NODE=1} (set by {@code .ci/run}) makes that a failure, so CI cannot pass
 * without having run them.
 */
final class NodeTools {

    static final String REQUIRE_NODE = "FUNNEL_REQUIRE_NODE";

    private static final Path SOURCES = Path.of("tools", "asyncapi");
    private static final List<String> TOOL_FILES = List.of("package.json", "package-lock.json", "asyncapi.mjs");
    /** npm ci downloads about 120 MB on a clean machine; this only bounds a hung registry. */
    private static final long INSTALL_TIMEOUT_MINUTES = 10;
    private static final long RUN_TIMEOUT_MINUTES = 2;

    private final Path node;
    private final Path npm;

    NodeTools(Path node, Path npm) {
        this.node = node;
        this.npm = npm;
    }

    /** What a run printed (standard output and error together) and how it ended. */
    record Run(int exitCode, String output) {
    }

    /**
     * @param environment the process environment: {@code PATH} and {@value #REQUIRE_NODE}
     * @return the tools, or aborts the calling test when they are missing and not required
     * @throws IllegalStateException when they are missing and {@value #REQUIRE_NODE} is {@code 1}
     */
    static NodeTools require(Map<String, String> environment) {
        Optional<Path> node = onPath(environment, "node");
        Optional<Path> npm = onPath(environment, "npm");
        if (node.isPresent() && npm.isPresent()) {
            return new NodeTools(node.get(), npm.get());
        }
        String missing = "node and npm are needed to check and render events/src/main/resources/asyncapi.yaml, but "
                + (node.isEmpty() ? "node" : "npm") + " is not on the PATH (" + environment.get("PATH")
                + "); install them (apt-get install nodejs npm)";
        if ("1".equals(environment.get(REQUIRE_NODE))) {
            throw new IllegalStateException(missing);
        }
        return Assumptions.abort(missing + ". " + REQUIRE_NODE + "=1 makes this a failure.");
    }

    private static Optional<Path> onPath(Map<String, String> environment, String command) {
        String path = environment.getOrDefault("PATH", "");
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(directory -> !directory.isEmpty())
                .map(directory -> Path.of(directory, command))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /**
     * Copies the tools into {@code target/asyncapi-tools} and runs {@code npm ci} there, unless a previous build
     * already installed the same lock file: once per build, and not again while the lock is unchanged.
     *
     * @return the directory holding the tools and their {@code node_modules}
     */
    Path install() {
        Path installed = Path.of("target", "asyncapi-tools").toAbsolutePath();
        try {
            Files.createDirectories(installed);
            boolean upToDate = Files.isRegularFile(installed.resolve("node_modules/.package-lock.json"))
                    && sameContent(SOURCES.resolve("package-lock.json"), installed.resolve("package-lock.json"));
            for (String file : TOOL_FILES) {
                Files.copy(SOURCES.resolve(file), installed.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
            if (!upToDate) {
                // --ignore-scripts: no dependency needs its install script, and none may fetch anything but packages.
                Run install = run(installed, INSTALL_TIMEOUT_MINUTES, npm.toString(), "ci", "--ignore-scripts",
                        "--no-audit", "--no-fund", "--loglevel=error");
                if (install.exitCode() != 0) {
                    throw new IllegalStateException("npm ci in " + installed + " failed:\n" + install.output());
                }
            }
            return installed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param installed the directory {@link #install()} returned
     * @param arguments the arguments of {@code asyncapi.mjs}
     * @return how the script ended
     */
    Run asyncApi(Path installed, String... arguments) {
        List<String> command = new ArrayList<>(List.of(node.toString(), "asyncapi.mjs"));
        command.addAll(List.of(arguments));
        return run(installed, RUN_TIMEOUT_MINUTES, command.toArray(String[]::new));
    }

    private static Run run(Path directory, long timeoutMinutes, String... command) {
        try {
            Path log = Files.createTempFile("funnel-node", ".log");
            try {
                Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                        .redirectOutput(log.toFile()).start();
                if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " did not end within "
                            + timeoutMinutes + " minutes:\n" + Files.readString(log, StandardCharsets.UTF_8));
                }
                return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean sameContent(Path a, Path b) throws IOException {
        return Files.isRegularFile(b) && Files.mismatch(a, b) == -1;
    }
}

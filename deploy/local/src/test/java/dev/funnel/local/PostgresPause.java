package dev.funnel.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The launcher's PostgreSQL server paused with SIGSTOP, the postmaster and every process of it, and resumed with
 * SIGCONT on {@link #close()}: connections are accepted by the kernel and then hang, as in a network partition or
 * a stalled failover, instead of being refused. The same as platform/testing's {@code DatabasePause}, which takes
 * that module's own test server and would bring Quarkus' JUnit and Testcontainers onto this module's plain test
 * classpath; the server is found the same way, by {@code show data_directory} and its {@code postmaster.pid}.
 */
final class PostgresPause implements AutoCloseable {

    private final List<Long> pids;

    private PostgresPause(List<Long> pids) {
        this.pids = pids;
    }

    static PostgresPause pause(String jdbcUrl, String user, String password) {
        long postmaster = postmasterPid(jdbcUrl, user, password);
        List<Long> pids = new ArrayList<>();
        pids.add(postmaster);
        signal("-STOP", pids);
        // Only the postmaster forks, and a stopped one cannot: its processes now are all there will be. One may end
        // between being listed and being signalled (the backend of the connection that found the postmaster).
        ProcessHandle.of(postmaster).ifPresent(process -> process.descendants().forEach(p -> pids.add(p.pid())));
        try {
            signal("-STOP", pids);
        } catch (RuntimeException e) {
            // Never leave a server half paused behind a failed test.
            signal("-CONT", pids);
            throw e;
        }
        return new PostgresPause(pids);
    }

    int processes() {
        return pids.size();
    }

    @Override
    public void close() {
        signal("-CONT", pids);
    }

    private static long postmasterPid(String jdbcUrl, String user, String password) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("show data_directory")) {
            result.next();
            return Long.parseLong(Files.readAllLines(Path.of(result.getString(1), "postmaster.pid")).get(0).strip());
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Cannot find the PostgreSQL server's process to pause", e);
        }
    }

    /** Sends the signal to every process still there; one that has ended needs no signal and is no failure. */
    static void signal(String signal, List<Long> pids) {
        List<String> command = new ArrayList<>(List.of("kill", signal));
        pids.forEach(pid -> command.add(Long.toString(pid)));
        try {
            Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("kill " + signal + " " + pids + " did not finish within 10 s");
            }
            List<String> problems = new String(kill.getInputStream().readAllBytes()).lines()
                    .filter(line -> !line.contains("No such process")).toList();
            if (kill.exitValue() != 0 && !problems.isEmpty()) {
                throw new IllegalStateException("kill " + signal + " " + pids + " failed: " + problems);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run kill " + signal, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package dev.funnel.testing;

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
 * Pauses the test JVM's PostgreSQL server with SIGSTOP, the server and every process of it, and resumes it with
 * SIGCONT on {@link #close()}. That is how a network partition or a stalled failover looks to a client:
 * connections are accepted by the kernel and then hang, instead of being refused. Only for a server this machine
 * runs (the embedded one), which is what tests use without Docker.
 */
public final class DatabasePause implements AutoCloseable {

    private final List<Long> pids;

    private DatabasePause(List<Long> pids) {
        this.pids = pids;
    }

    /** Pauses the shared test server ({@link TestInfrastructure#database()}). */
    public static DatabasePause pause() {
        return pause(TestInfrastructure.database());
    }

    public static DatabasePause pause(TestDatabaseServer server) {
        long postmaster = postmasterPid(server);
        // The postmaster first, so that it forks nothing new while its children are listed and stopped.
        signal("-STOP", postmaster, true);
        List<Long> pids = new ArrayList<>();
        pids.add(postmaster);
        ProcessHandle.of(postmaster).ifPresent(process -> process.descendants().forEach(p -> pids.add(p.pid())));
        pids.subList(1, pids.size()).forEach(pid -> signal("-STOP", pid, false));
        return new DatabasePause(pids);
    }

    /** Resumes every process that was paused, the postmaster last. */
    @Override
    public void close() {
        pids.subList(1, pids.size()).forEach(pid -> signal("-CONT", pid, false));
        signal("-CONT", pids.get(0), true);
    }

    /** The first line of {@code postmaster.pid} in the server's data directory, which the server names itself. */
    private static long postmasterPid(TestDatabaseServer server) {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl("postgres"), server.username(),
                server.password());
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("show data_directory")) {
            result.next();
            return Long.parseLong(Files.readAllLines(Path.of(result.getString(1), "postmaster.pid")).get(0).strip());
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Cannot find the PostgreSQL server's process to pause", e);
        }
    }

    /** A child may have ended between being listed and being signalled: only the postmaster must be there. */
    private static void signal(String signal, long pid, boolean mustExist) {
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(pid)).redirectErrorStream(true).start();
            String output = new String(kill.getInputStream().readAllBytes());
            if (!kill.waitFor(10, TimeUnit.SECONDS) || (kill.exitValue() != 0 && mustExist)) {
                throw new IllegalStateException("kill " + signal + " " + pid + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run kill " + signal, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

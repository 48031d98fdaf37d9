package dev.funnel.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One service kept running as a Kubernetes restart policy keeps a container: once {@link #watch watched},
 * an exit the launcher did not ask for is announced on the console, and the service is started again with
 * the same environment after the {@link RestartPolicy}'s backoff, until it exits more often than the
 * policy allows within its window; then it is given up on and the rest of the stack runs on.
 *
 * <p>A thread per service waits on its process, not a shared poller: the exit is seen the moment it
 * happens, and interrupting the thread ends a backoff or a wait for readiness at once when the launcher
 * stops.
 */
final class SupervisedService implements AutoCloseable {

    /** Starts the service's process; the same one each time, so a restart gets the same environment. */
    @FunctionalInterface
    interface Launch {
        ServiceProcess start() throws IOException;
    }

    private static final Duration WATCHER_END = Duration.ofSeconds(10);

    private final String name;
    private final Launch launch;
    private final Duration readyTimeout;
    private final RestartPolicy policy;
    private final RestartWindow window;
    private final PrintStream out;
    private ServiceProcess process;
    private ServiceStatus.State state = ServiceStatus.State.STARTING;
    private int restarts;
    private boolean stopping;
    private Thread watcher;

    SupervisedService(ServiceProcess first, Launch launch, Duration readyTimeout, RestartPolicy policy,
            PrintStream out) {
        this.name = first.name();
        this.process = first;
        this.launch = launch;
        this.readyTimeout = readyTimeout;
        this.policy = policy;
        this.window = new RestartWindow(policy);
        this.out = out;
    }

    synchronized ServiceProcess process() {
        return process;
    }

    synchronized ServiceStatus status() {
        return new ServiceStatus(name, process.pid(), state, restarts);
    }

    /** Starts watching; called once the whole stack is up, so a failure at startup stays a startup failure. */
    synchronized void watch() {
        if (stopping || watcher != null) {
            return;
        }
        state = ServiceStatus.State.RUNNING;
        watcher = new Thread(this::supervise, "supervise-" + name);
        watcher.setDaemon(true);
        watcher.start();
        notifyAll();
    }

    /**
     * Waits until the service runs again in a process other than {@code previousPid}, that is, until it
     * has been restarted and answers ready; fails at once if it is given up on or stopped instead.
     */
    synchronized ServiceStatus awaitRestart(long previousPid, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!(state == ServiceStatus.State.RUNNING && process.pid() != previousPid)) {
            if (state == ServiceStatus.State.GAVE_UP || state == ServiceStatus.State.STOPPED) {
                throw new IllegalStateException(name + " was not restarted: it is " + state);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException(name + " was not running again within " + timeout.toSeconds()
                        + " s; it is " + state + "; see " + process.log());
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return status();
    }

    private void supervise() {
        try {
            while (true) {
                ServiceProcess exited = process();
                int code = exited.awaitExit();
                if (isStopping()) {
                    return;
                }
                Optional<Duration> backoff = window.admit(Instant.now());
                if (backoff.isEmpty()) {
                    out.println(name + " exited with code " + code + " after " + policy.limit()
                            + ": giving up on it; the rest of the stack keeps running. Its log says why: "
                            + exited.log() + " (fix that, then Ctrl-C and start again)");
                    setState(ServiceStatus.State.GAVE_UP);
                    return;
                }
                int inWindow = window.restartsWithin(Instant.now());
                out.println(name + " exited unexpectedly with code " + code + " (log: " + exited.log()
                        + "); restarting in " + seconds(backoff.get()) + " (restart " + inWindow + "; gives up after "
                        + policy.limit() + ")");
                setState(ServiceStatus.State.BACKING_OFF);
                TimeUnit.NANOSECONDS.sleep(backoff.get().toNanos());
                ServiceProcess next = restart(code);
                if (next == null) {
                    return;
                }
                awaitReady(next);
            }
        } catch (InterruptedException e) {
            // The launcher is stopping: close() interrupted a backoff or a wait, and stops the process itself.
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            out.println(name + " could not be started again: " + LocalStack.oneLine(e)
                    + "; giving up on it; the rest of the stack keeps running");
            setState(ServiceStatus.State.GAVE_UP);
        }
    }

    /** Starts the next process, unless the launcher began stopping during the backoff. */
    private ServiceProcess restart(int previousCode) throws IOException {
        synchronized (this) {
            if (stopping) {
                return null;
            }
            markInLog(process.log(), previousCode);
            // Under the lock that close() takes first: a process started here is one close() will stop.
            process = launch.start();
            restarts++;
            state = ServiceStatus.State.RESTARTING;
            notifyAll();
            return process;
        }
    }

    /**
     * Ready again is announced; an exit before that is left to the loop, which counts it as one more; a
     * process that neither gets ready nor exits is killed, as a failing startup probe would have it.
     */
    private void awaitReady(ServiceProcess next) throws InterruptedException {
        try {
            next.awaitReady(readyTimeout);
        } catch (IllegalStateException e) {
            if (next.isAlive()) {
                out.println(name + " was not ready within " + readyTimeout.toSeconds() + " s after a restart; "
                        + "killing it (log: " + next.log() + ")");
                next.kill();
            }
            return;
        }
        synchronized (this) {
            if (stopping || process != next) {
                return;
            }
            state = ServiceStatus.State.RUNNING;
            notifyAll();
        }
        out.println(name + " is ready again (pid " + next.pid() + ", " + restarts + " restart"
                + (restarts == 1 ? "" : "s") + " so far)");
    }

    /** The log gathers every run of the service; a line between two runs says where one ended. */
    private static void markInLog(Path log, int code) {
        try {
            Files.writeString(log, System.lineSeparator() + "----- " + Instant.now() + " funnel-local: exited with "
                    + "code " + code + ", starting again -----" + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // Only a marker for a reader of the log; the restart matters more than the line.
        }
    }

    private static String seconds(Duration wait) {
        return wait.toMillis() % 1000 == 0 ? wait.toSeconds() + " s" : wait.toMillis() + " ms";
    }

    private synchronized boolean isStopping() {
        return stopping;
    }

    private synchronized void setState(ServiceStatus.State next) {
        state = next;
        notifyAll();
    }

    /**
     * Stops watching without stopping the process. The launcher calls it for every service before it stops
     * the first one: services that a Ctrl-C reached as well, or that die while another is being stopped,
     * are not to be restarted.
     */
    synchronized void stopWatching() {
        stopping = true;
        if (watcher != null) {
            watcher.interrupt();
        }
        notifyAll();
    }

    /** Stops watching, then the process; a restart under way is either not begun or its process is stopped. */
    @Override
    public void close() throws InterruptedException {
        stopWatching();
        Thread running;
        synchronized (this) {
            running = watcher;
        }
        if (running != null && running != Thread.currentThread()) {
            running.join(WATCHER_END.toMillis());
        }
        try {
            process().close();
        } finally {
            setState(ServiceStatus.State.STOPPED);
        }
    }
}

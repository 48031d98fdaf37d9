package dev.funnel.local;

/**
 * What the launcher knows of one service right now, for a person or a test that needs to find the
 * process (for instance to kill it) and to see it come back.
 *
 * @param pid the current process, or the one that just exited while a restart is pending
 * @param restarts restarts so far, whether inside the window or not
 */
public record ServiceStatus(String name, long pid, State state, int restarts) {

    public enum State {
        /** Started by the launcher, not yet watched: the stack is still coming up. */
        STARTING,
        /** Answered ready and is watched. */
        RUNNING,
        /** Exited on its own; waiting out the backoff before starting it again. */
        BACKING_OFF,
        /** Started again, not yet ready. */
        RESTARTING,
        /** Exited too often within the window; left stopped, the rest of the stack runs on. */
        GAVE_UP,
        /** Stopped by the launcher's own shutdown. */
        STOPPED
    }
}

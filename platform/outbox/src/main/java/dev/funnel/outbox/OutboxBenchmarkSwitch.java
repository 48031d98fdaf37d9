package dev.funnel.outbox;

import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * For the write benchmarks only (BENCHMARKS.md): lets one run measure the same requests with and without their
 * outbox rows. It can never take effect in a service that users reach: turning events off is refused unless the
 * {@code benchmark} config profile is active, which no deployment sets (the overlays and the local stack run the
 * default {@code prod} profile), and no main code calls {@link #writeEvents(boolean)}. There is no configuration
 * key for it either, so an environment variable cannot flip it.
 */
@ApplicationScoped
public class OutboxBenchmarkSwitch {

    static final String PROFILE = "benchmark";

    private final boolean allowed = ConfigUtils.isProfileActive(PROFILE);
    private volatile boolean eventsOff;

    /**
     * Off: {@link Outbox#publish} writes no row (and so the relay sends nothing) while the rest of the transaction
     * goes on as built. Meant for a benchmark's baseline and nothing else.
     *
     * @throws IllegalStateException outside the {@code benchmark} config profile, whatever {@code on} is
     */
    public void writeEvents(boolean on) {
        if (!allowed) {
            throw new IllegalStateException("The outbox can only be switched off under the '" + PROFILE
                    + "' config profile (active: " + ConfigUtils.getProfiles() + ")");
        }
        eventsOff = !on;
    }

    boolean eventsOff() {
        return eventsOff;
    }
}

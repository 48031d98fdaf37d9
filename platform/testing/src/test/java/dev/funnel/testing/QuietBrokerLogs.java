package dev.funnel.testing;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * These plain tests run without Quarkus, so nothing applies the WARN levels that services set in their
 * test configuration; the broker would log thousands of INFO lines.
 */
class QuietBrokerLogs implements BeforeAllCallback {

    // Held strongly: java.util.logging forgets the level of a logger nobody references.
    private static final List<Logger> QUIETED = List.of(
            Logger.getLogger("kafka"),
            Logger.getLogger("org.apache.kafka"),
            Logger.getLogger("state.change.logger"),
            Logger.getLogger("io.zonky"));

    @Override
    public void beforeAll(ExtensionContext context) {
        QUIETED.forEach(logger -> logger.setLevel(Level.WARNING));
    }
}

package dev.funnel.testing;

/** A real Kafka broker for tests, whichever way it was started. */
public interface KafkaBroker extends AutoCloseable {

    String bootstrapServers();

    /** Takes the broker down; clients see it as unreachable until {@link #restart()}. */
    void stop();

    /** Brings a stopped broker back on the same address with its data. */
    void restart();

    @Override
    void close();
}

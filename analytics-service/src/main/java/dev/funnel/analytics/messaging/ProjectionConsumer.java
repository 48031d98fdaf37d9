package dev.funnel.analytics.messaging;

import dev.funnel.analytics.messaging.RecordDecoder.DecodedBatch;
import dev.funnel.analytics.monitoring.ProjectionMetrics;
import dev.funnel.analytics.projection.ApplyResult;
import dev.funnel.analytics.projection.ProjectionApplier;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The live projection: every batch the Kafka connector polls from the three topics, applied in one database
 * transaction. The batch is acknowledged (and its offsets committed) only after that transaction committed and
 * the unreadable records of the batch are safely on their dead-letter topics.
 */
@ApplicationScoped
public class ProjectionConsumer {

    static final String CHANNEL = "funnel-events";

    private final ProjectionApplier applier;
    private final DeadLetterPublisher deadLetters;
    private final Retrying retrying;
    private final ProjectionMetrics metrics;

    ProjectionConsumer(ProjectionApplier applier, DeadLetterPublisher deadLetters, Retrying retrying,
            ProjectionMetrics metrics) {
        this.applier = applier;
        this.deadLetters = deadLetters;
        this.retrying = retrying;
        this.metrics = metrics;
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void consume(ConsumerRecords<byte[], byte[]> records) {
        long start = System.nanoTime();
        DecodedBatch batch = RecordDecoder.decodeAll(records);
        if (!batch.unreadable().isEmpty()) {
            // Before the transaction: if the process dies in between, the batch comes again and its dead
            // letters are sent twice, which is better than never.
            retrying.untilDone("Sending " + batch.unreadable().size() + " dead letters",
                    () -> deadLetters.publish(batch.unreadable()));
        }
        ApplyResult result = retrying.untilDone("Applying a batch of " + batch.events().size() + " events",
                () -> applier.apply(batch.events(), batch.unreadableByType(), true));
        metrics.applied(result, false);
        metrics.deadLettered(batch.unreadable());
        metrics.batch(records.count(), System.nanoTime() - start);
    }
}

package dev.funnel.analytics.messaging;

import dev.funnel.analytics.messaging.RecordDecoder.Unreadable;
import dev.funnel.events.Topics;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Sends records the projection cannot read to {@code <topic>.dlq}, as they were (same key, value and headers),
 * with the reason and the origin in the headers SmallRye's own dead-letter strategy uses, so the usual tools
 * read both alike.
 */
@ApplicationScoped
public class DeadLetterPublisher {

    static final String CHANNEL = "dead-letters";
    public static final String REASON = "dead-letter-reason";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";

    private static final Logger LOG = Logger.getLogger(DeadLetterPublisher.class);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final MutinyEmitter<byte[]> emitter;

    // The consumer waits for every acknowledgement, which bounds what is in flight to one batch.
    DeadLetterPublisher(@Channel(CHANNEL) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
            MutinyEmitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    /**
     * Sends the records and waits until the broker has them all: only then may the batch's offsets be
     * committed, or a crash could lose a record that is in neither place.
     *
     * @throws DeadLetterException if the broker did not take one of them
     */
    public void publish(List<Unreadable> records) {
        List<CompletableFuture<Void>> acks = new ArrayList<>(records.size());
        for (Unreadable unreadable : records) {
            acks.add(emitter.sendMessage(toMessage(unreadable)).subscribeAsCompletionStage());
        }
        long deadline = System.nanoTime() + ACK_TIMEOUT.toNanos();
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                throw new DeadLetterException("The broker refused a dead letter: " + e.getCause().getMessage(), e);
            } catch (TimeoutException e) {
                throw new DeadLetterException("No acknowledgement for a dead letter within " + ACK_TIMEOUT, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeadLetterException("Interrupted while sending dead letters", e);
            }
        }
        for (Unreadable unreadable : records) {
            ConsumerRecord<byte[], byte[]> record = unreadable.record();
            LOG.warnf("Dead-lettered %s-%d@%d to %s: %s", record.topic(), record.partition(), record.offset(),
                    Topics.deadLetterTopicOf(record.topic()), unreadable.reason());
        }
    }

    private static Message<byte[]> toMessage(Unreadable unreadable) {
        ConsumerRecord<byte[], byte[]> record = unreadable.record();
        Headers headers = new RecordHeaders(record.headers().toArray());
        headers.add(REASON, utf8(unreadable.reason()));
        headers.add(TOPIC, utf8(record.topic()));
        headers.add(PARTITION, utf8(Integer.toString(record.partition())));
        headers.add(OFFSET, utf8(Long.toString(record.offset())));
        OutgoingKafkaRecordMetadata<byte[]> metadata = OutgoingKafkaRecordMetadata.<byte[]>builder()
                .withTopic(Topics.deadLetterTopicOf(record.topic()))
                .withKey(record.key())
                .withHeaders(headers)
                .build();
        return Message.of(record.value()).addMetadata(metadata);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** A dead letter the broker did not take; the batch is retried, dead letters included. */
    public static class DeadLetterException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        DeadLetterException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

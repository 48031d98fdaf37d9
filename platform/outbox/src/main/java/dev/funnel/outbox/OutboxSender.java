package dev.funnel.outbox;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Sends outbox rows to Kafka as binary-mode CloudEvents through the SmallRye Kafka connector, which
 * writes the {@code ce_*} and {@code content-type} headers from the CloudEvent metadata.
 */
@ApplicationScoped
class OutboxSender {

    static final String CHANNEL = "funnel-outbox";
    private static final String APPLICATION_JSON = "application/json";

    private final MutinyEmitter<byte[]> emitter;

    // The relay bounds what is in flight (one batch); the emitter must never refuse part of a batch.
    OutboxSender(@Channel(CHANNEL) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) MutinyEmitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    /**
     * Sends the rows in order and waits up to {@code timeout} for the broker. Returns how many rows, from
     * the first, were acknowledged without a gap: only those may be marked sent. A row after a failed one
     * is sent again later even if the broker took it, which keeps each key's order at the price of a
     * duplicate that consumers drop by event id.
     */
    SendResult send(List<OutboxRow> rows, Duration timeout) {
        List<CompletableFuture<Void>> acks = new ArrayList<>(rows.size());
        for (OutboxRow row : rows) {
            acks.add(emitter.sendMessage(toMessage(row)).subscribeAsCompletionStage());
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                return SendResult.failedAt(i, describe(e.getCause()));
            } catch (TimeoutException e) {
                return SendResult.failedAt(i, "no acknowledgement from Kafka within " + timeout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return SendResult.failedAt(i, "interrupted while waiting for Kafka");
            }
        }
        return SendResult.allSent(rows.size());
    }

    private static Message<byte[]> toMessage(OutboxRow row) {
        OutgoingKafkaRecordMetadata<String> record = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic())
                .withKey(row.key())
                .build();
        OutgoingCloudEventMetadata<byte[]> cloudEvent = OutgoingCloudEventMetadata.<byte[]>builder()
                .withId(row.eventId().toString())
                .withSource(URI.create(row.source()))
                .withType(row.eventType())
                .withTimestamp(row.occurredAt().atZone(ZoneOffset.UTC))
                .withSubject(row.key())
                .withDataContentType(APPLICATION_JSON)
                .withDataSchema(URI.create(row.dataSchema()))
                .build();
        return Message.of(row.payload().getBytes(StandardCharsets.UTF_8))
                .addMetadata(record)
                .addMetadata(cloudEvent);
    }

    private static String describe(Throwable failure) {
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    /** How a round of sends ended: {@code acknowledged} rows from the first were taken by the broker. */
    record SendResult(int acknowledged, String error) {

        static SendResult allSent(int count) {
            return new SendResult(count, null);
        }

        static SendResult failedAt(int index, String error) {
            return new SendResult(index, error);
        }

        boolean failed() {
            return error != null;
        }
    }
}

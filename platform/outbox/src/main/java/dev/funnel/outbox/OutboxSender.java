package dev.funnel.outbox;

import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.transactions.KafkaTransactions;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Sends one round of outbox rows to Kafka as binary-mode CloudEvents, in one Kafka transaction, through
 * the SmallRye Kafka connector (which writes the {@code ce_*} and {@code content-type} headers from the
 * CloudEvent metadata).
 *
 * <p>Why a transaction: without one, a row whose send failed (say, while the broker was away) can end up
 * on the topic after rows that followed it, because the connector and the producer retry each record on
 * its own; re-sending it later would put one key's events out of order. In a transaction the round is
 * all or nothing: read_committed consumers see every row of it, in order, or none, and a failed round
 * is simply sent again.
 */
@ApplicationScoped
class OutboxSender {

    static final String CHANNEL = "funnel-outbox";
    private static final String APPLICATION_JSON = "application/json";

    private final KafkaTransactions<byte[]> transactions;

    OutboxSender(@Channel(CHANNEL) KafkaTransactions<byte[]> transactions) {
        this.transactions = transactions;
    }

    /** Sends the rows in order in one Kafka transaction and waits up to {@code timeout} for its commit. */
    SendResult send(List<OutboxRow> rows, Duration timeout) {
        if (transactions.isTransactionInProgress()) {
            // A round that timed out is still finishing; its rows are unmarked and will go again.
            return SendResult.failed("the previous Kafka transaction is still in progress");
        }
        try {
            transactions.withTransaction(emitter -> {
                rows.forEach(row -> emitter.send(toMessage(row)));
                return Uni.createFrom().voidItem();
            }).await().atMost(timeout);
            return SendResult.SENT;
        } catch (TimeoutException e) {
            return SendResult.failed("no commit from Kafka within " + timeout);
        } catch (RuntimeException e) {
            return SendResult.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
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

    /** How a round ended: every row committed to Kafka, or none of them (with the reason). */
    record SendResult(boolean sent, String error) {

        static final SendResult SENT = new SendResult(true, null);

        static SendResult failed(String error) {
            return new SendResult(false, error);
        }
    }
}

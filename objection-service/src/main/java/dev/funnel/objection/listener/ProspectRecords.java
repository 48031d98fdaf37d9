package dev.funnel.objection.listener;

import dev.funnel.events.DecodedRecord;
import dev.funnel.events.FunnelEvent;
import dev.funnel.events.KafkaCloudEvents;
import dev.funnel.events.ProspectFound;
import dev.funnel.events.ReceivedEvent;
import dev.funnel.events.RefusedRecord;
import dev.funnel.events.Topics;
import dev.funnel.objection.domain.ProspectFact;
import dev.funnel.objection.domain.ProspectStage;
import java.util.UUID;
import org.apache.kafka.common.header.Headers;

/**
 * Reads one record of {@code funnel.prospects.v1} as the contract defines it ({@link KafkaCloudEvents} checks the
 * record) into what the replica keeps of it. Anything else is a {@link PoisonRecordException} naming why.
 */
final class ProspectRecords {

    private ProspectRecords() {
    }

    static ProspectFact decode(String topic, String key, Headers headers, byte[] value) {
        DecodedRecord decoded = KafkaCloudEvents.decode(topic, key, headers, value);
        if (decoded instanceof RefusedRecord refused) {
            throw new PoisonRecordException(refused.reason());
        }
        ReceivedEvent received = (ReceivedEvent) decoded;
        FunnelEvent event = received.event();
        ProspectStage stage = switch (event.type()) {
            case PROSPECT_FOUND, PROSPECT_CONTACTED -> ProspectStage.OPEN;
            case PROSPECT_WON -> ProspectStage.WON;
            case PROSPECT_LOST -> ProspectStage.LOST;
            default -> throw new PoisonRecordException(event.type().eventName() + " does not belong on "
                    + Topics.PROSPECTS + " (it goes to " + event.type().topic() + ")");
        };
        String owner = event instanceof ProspectFound found ? found.owner() : null;
        // A prospect event's partition key is its prospect id.
        return new ProspectFact(received.id(), event.type().eventName(), UUID.fromString(event.partitionKey()), stage,
                event.occurredAt(), owner);
    }
}

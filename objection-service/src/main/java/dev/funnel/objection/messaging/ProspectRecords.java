package dev.funnel.objection.messaging;

import dev.funnel.events.CloudEventHeaders;
import dev.funnel.events.EventDecodingException;
import dev.funnel.events.EventJson;
import dev.funnel.events.FunnelEvent;
import dev.funnel.events.Topics;
import dev.funnel.objection.domain.ProspectFact;
import dev.funnel.objection.domain.ProspectStage;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Reads one record of {@code funnel.prospects.v1} as the contract defines it: a binary-mode CloudEvent 1.0
 * whose {@code ce_id} is a UUID, whose {@code ce_type} is a prospect event, whose value is that event's
 * JSON, and whose key is the prospect id. Anything else is a {@link PoisonRecordException} naming why.
 */
final class ProspectRecords {

    /** Long enough to recognise a bad header in a dead-letter reason, short enough to keep it one line. */
    private static final int MAX_SHOWN_LENGTH = 80;

    private ProspectRecords() {
    }

    static ProspectFact decode(String key, Headers headers, byte[] value) {
        String specVersion = header(headers, CloudEventHeaders.SPEC_VERSION);
        if (!CloudEventHeaders.SPEC_VERSION_1_0.equals(specVersion)) {
            throw new PoisonRecordException("Not a binary-mode CloudEvent 1.0: " + CloudEventHeaders.SPEC_VERSION
                    + " is " + shown(specVersion));
        }
        UUID eventId = eventId(header(headers, CloudEventHeaders.ID));
        String ceType = header(headers, CloudEventHeaders.TYPE);
        FunnelEvent event;
        try {
            event = EventJson.fromBytes(ceType, value);
        } catch (EventDecodingException e) {
            throw new PoisonRecordException(e.getMessage(), e);
        }
        ProspectStage stage = switch (event.type()) {
            case PROSPECT_FOUND, PROSPECT_CONTACTED -> ProspectStage.OPEN;
            case PROSPECT_WON -> ProspectStage.WON;
            case PROSPECT_LOST -> ProspectStage.LOST;
            default -> throw new PoisonRecordException(event.type().eventName() + " does not belong on "
                    + Topics.PROSPECTS + " (it goes to " + event.type().topic() + ")");
        };
        // The key keeps one prospect's events in one partition, in order; a record under another key may
        // overtake or trail its prospect's other events, which the contract rules out.
        if (!event.partitionKey().equals(key)) {
            throw new PoisonRecordException("Record key " + shown(key) + " is not the prospect id "
                    + event.partitionKey() + " of this " + event.type().eventName());
        }
        // A prospect event's partition key is its prospect id.
        return new ProspectFact(eventId, event.type().eventName(), UUID.fromString(event.partitionKey()), stage,
                event.occurredAt());
    }

    private static UUID eventId(String ceId) {
        if (ceId == null) {
            throw new PoisonRecordException(CloudEventHeaders.ID + " is missing: without it the event cannot be"
                    + " de-duplicated");
        }
        try {
            return UUID.fromString(ceId);
        } catch (IllegalArgumentException e) {
            throw new PoisonRecordException(CloudEventHeaders.ID + " must be a UUID but was " + shown(ceId));
        }
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String shown(String value) {
        if (value == null) {
            return "missing";
        }
        String cut = value.length() > MAX_SHOWN_LENGTH ? value.substring(0, MAX_SHOWN_LENGTH) + "..." : value;
        return "'" + cut + "'";
    }
}

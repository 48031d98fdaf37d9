package dev.funnel.analytics;

import dev.funnel.events.CloudEventHeaders;
import dev.funnel.events.EventJson;
import dev.funnel.events.FunnelEvent;
import dev.funnel.testing.KafkaTestClient;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A record as a producer outside the service would write it: a binary-mode CloudEvent with its headers.
 *
 * @param topic where it goes
 * @param key the record key
 * @param value the payload
 * @param headers the headers, in order
 */
record RawEvent(String topic, String key, byte[] value, Map<String, String> headers) {

    /** A valid event with a fresh {@code ce_id}. */
    static RawEvent of(FunnelEvent event) {
        return new RawEvent(event.type().topic(), event.partitionKey(), EventJson.toBytes(event),
                headers(UUID.randomUUID().toString(), event.type().ceType(), event));
    }

    /** The headers the platform writes for the event, with the given {@code ce_id} and {@code ce_type}. */
    static Map<String, String> headers(String ceId, String ceType, FunnelEvent event) {
        Map<String, String> headers = KafkaTestClient.cloudEventHeaders(UUID.randomUUID(), "/funnel/analytics-tests",
                event);
        headers.put(CloudEventHeaders.ID, ceId);
        headers.put(CloudEventHeaders.TYPE, ceType);
        return headers;
    }

    String ceId() {
        return headers.get(CloudEventHeaders.ID);
    }

    void sendWith(KafkaTestClient kafka) {
        kafka.produce(topic, key, value, headers);
    }

    static void sendAll(KafkaTestClient kafka, List<RawEvent> events) {
        events.forEach(event -> event.sendWith(kafka));
    }
}

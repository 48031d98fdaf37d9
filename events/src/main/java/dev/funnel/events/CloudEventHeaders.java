package dev.funnel.events;

/**
 * Kafka header names of a CloudEvent 1.0 in binary content mode, as the CloudEvents Kafka protocol binding defines
 * them, and the fixed values this contract uses.
 *
 * <p>Every record on a contract topic carries all of these headers; the value is the event's JSON payload.
 * Header values are UTF-8 strings.
 */
public final class CloudEventHeaders {

    /** CloudEvents spec version; always {@link #SPEC_VERSION_1_0}. */
    public static final String SPEC_VERSION = "ce_specversion";
    /** Event id, a UUID; unique per event, so consumers de-duplicate on it. */
    public static final String ID = "ce_id";
    /** URI reference identifying the producing service. */
    public static final String SOURCE = "ce_source";
    /** Event type, one of {@link CloudEventTypes}. */
    public static final String TYPE = "ce_type";
    /** When the event occurred, an RFC 3339 timestamp in UTC: {@link FunnelEvent#occurredAt()}. */
    public static final String TIME = "ce_time";
    /** The record key: {@link FunnelEvent#partitionKey()}. */
    public static final String SUBJECT = "ce_subject";
    /** The JSON Schema of the payload: {@link EventType#dataSchema()}. */
    public static final String DATA_SCHEMA = "ce_dataschema";
    /** Content type of the payload; always {@link #APPLICATION_JSON}. The binding names it without {@code ce_}. */
    public static final String CONTENT_TYPE = "content-type";

    /** The only value of {@link #SPEC_VERSION}. */
    public static final String SPEC_VERSION_1_0 = "1.0";
    /** The only value of {@link #CONTENT_TYPE}. */
    public static final String APPLICATION_JSON = "application/json";

    private CloudEventHeaders() {
    }
}

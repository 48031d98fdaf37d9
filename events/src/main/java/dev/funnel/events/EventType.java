package dev.funnel.events;

import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalog of events: for each event record, its CloudEvents type, topic and JSON Schema.
 */
public enum EventType {
    /** {@link MarketingTechniqueDefined}. */
    MARKETING_TECHNIQUE_DEFINED(MarketingTechniqueDefined.class, CloudEventTypes.MARKETING_TECHNIQUE_DEFINED,
            Topics.MARKETING_ACTIVITIES),
    /** {@link MarketingActivityLogged}. */
    MARKETING_ACTIVITY_LOGGED(MarketingActivityLogged.class, CloudEventTypes.MARKETING_ACTIVITY_LOGGED,
            Topics.MARKETING_ACTIVITIES),
    /** {@link ProspectFound}. */
    PROSPECT_FOUND(ProspectFound.class, CloudEventTypes.PROSPECT_FOUND, Topics.PROSPECTS),
    /** {@link ProspectContacted}. */
    PROSPECT_CONTACTED(ProspectContacted.class, CloudEventTypes.PROSPECT_CONTACTED, Topics.PROSPECTS),
    /** {@link ProspectWon}. */
    PROSPECT_WON(ProspectWon.class, CloudEventTypes.PROSPECT_WON, Topics.PROSPECTS),
    /** {@link ProspectLost}. */
    PROSPECT_LOST(ProspectLost.class, CloudEventTypes.PROSPECT_LOST, Topics.PROSPECTS),
    /** {@link ObjectionRaised}. */
    OBJECTION_RAISED(ObjectionRaised.class, CloudEventTypes.OBJECTION_RAISED, Topics.OBJECTIONS),
    /** {@link ObjectionResolved}. */
    OBJECTION_RESOLVED(ObjectionResolved.class, CloudEventTypes.OBJECTION_RESOLVED, Topics.OBJECTIONS),
    /** {@link SalesQuotaSet}. */
    SALES_QUOTA_SET(SalesQuotaSet.class, CloudEventTypes.SALES_QUOTA_SET, Topics.SALES_QUOTAS);

    private static final String SCHEMA_VERSION = "v1";
    private static final String SCHEMA_BASE_URI = "https://funnel.dev/schemas/";

    private static final Map<String, EventType> BY_CE_TYPE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::ceType, Function.identity()));
    private static final Map<Class<?>, EventType> BY_RECORD_CLASS = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::recordClass, Function.identity()));

    private final Class<? extends FunnelEvent> recordClass;
    private final String ceType;
    private final String topic;
    private final String schemaFileName;
    private final URI dataSchema;

    EventType(Class<? extends FunnelEvent> recordClass, String ceType, String topic) {
        this.recordClass = recordClass;
        this.ceType = ceType;
        this.topic = topic;
        this.schemaFileName = recordClass.getSimpleName() + "." + SCHEMA_VERSION + ".json";
        this.dataSchema = URI.create(SCHEMA_BASE_URI + schemaFileName);
    }

    /** @return the record class of this event */
    public Class<? extends FunnelEvent> recordClass() {
        return recordClass;
    }

    /** @return the CloudEvents type ({@code ce_type} header), one of {@link CloudEventTypes} */
    public String ceType() {
        return ceType;
    }

    /** @return the topic this event is published on, one of {@link Topics} */
    public String topic() {
        return topic;
    }

    /** @return the event's name as the catalog spells it, for example {@code ProspectFound} */
    public String eventName() {
        return recordClass.getSimpleName();
    }

    /**
     * @return the classpath resource of the payload's JSON Schema in this jar, for example
     *     {@code schemas/ProspectFound.v1.json}
     */
    public String schemaResource() {
        return "schemas/" + schemaFileName;
    }

    /** @return the file name of the payload's JSON Schema, for example {@code ProspectFound.v1.json} */
    public String schemaFileName() {
        return schemaFileName;
    }

    /**
     * The schema's identifier: its {@code $id}, which names it wherever it is served (a JSON Schema identifier need
     * not be fetched from). It is the {@code ce_dataschema} of records written without a location
     * ({@link EventSerializer}, {@link KafkaCloudEvents#toRecord(java.util.UUID, String, FunnelEvent)}); the
     * services of this platform send {@link #dataSchema(URI)} instead, a location they serve.
     *
     * @return the {@code $id} of the payload's JSON Schema
     */
    public URI dataSchema() {
        return dataSchema;
    }

    /**
     * @param schemaBase where a producer serves the schemas of this jar, for example
     *     {@code http://prospect-service:8082/schemas/} (a missing final {@code /} is added)
     * @return the schema's location there, for the {@code ce_dataschema} header, for example
     *     {@code http://prospect-service:8082/schemas/ProspectFound.v1.json}
     * @throws IllegalArgumentException if the base is not an absolute URI: CloudEvents wants an absolute one
     */
    public URI dataSchema(URI schemaBase) {
        if (schemaBase == null || !schemaBase.isAbsolute() || schemaBase.isOpaque()) {
            throw new IllegalArgumentException("The base of the schemas' location must be an absolute URI such as"
                    + " http://prospect-service:8082/schemas/, but was " + schemaBase);
        }
        String base = schemaBase.toString();
        return URI.create(base.endsWith("/") ? base : base + "/").resolve(schemaFileName);
    }

    /**
     * @param ceType a {@code ce_type} header value, may be {@code null}
     * @return the event type, or empty when the value is not a type of this contract
     */
    public static Optional<EventType> fromCeType(String ceType) {
        return ceType == null ? Optional.empty() : Optional.ofNullable(BY_CE_TYPE.get(ceType));
    }

    /**
     * @param recordClass an event record class
     * @return its event type
     * @throws IllegalArgumentException if the class is not one of the event records
     */
    public static EventType of(Class<?> recordClass) {
        EventType type = BY_RECORD_CLASS.get(recordClass);
        if (type == null) {
            throw new IllegalArgumentException("Not a funnel event record: " + recordClass);
        }
        return type;
    }
}

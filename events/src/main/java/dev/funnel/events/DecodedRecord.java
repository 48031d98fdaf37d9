package dev.funnel.events;

/**
 * What {@link KafkaCloudEvents#decode} made of one consumed record: the event it carries, or the reason it is no
 * event of this contract.
 */
public sealed interface DecodedRecord permits ReceivedEvent, RefusedRecord {
}

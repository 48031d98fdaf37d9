package dev.funnel.analytics.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * How many records of one event type the live consumer skipped: duplicates and dead letters. Written by the
 * applier's batch SQL, read here.
 */
@Entity
@Table(name = "projection_counter")
public class SkipCounter extends PanacheEntityBase {

    @Id
    @Column(name = "event_type")
    private String eventType;

    @Column(nullable = false)
    private long duplicates;

    @Column(name = "dead_lettered", nullable = false)
    private long deadLettered;

    protected SkipCounter() {
    }

    public String eventType() {
        return eventType;
    }

    public long duplicates() {
        return duplicates;
    }

    public long deadLettered() {
        return deadLettered;
    }
}

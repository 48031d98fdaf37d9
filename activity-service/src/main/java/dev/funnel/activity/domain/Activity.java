package dev.funnel.activity.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** One piece of marketing work: what technique, on which day, how long it took and what it cost. */
@Entity
public class Activity extends PanacheEntityBase {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String technique;

    @Column(name = "performed_on", nullable = false)
    private LocalDate performedOn;

    @Column(name = "minutes_spent", nullable = false)
    private int minutesSpent;

    @Column(name = "cost_minor", nullable = false)
    private long costMinor;

    @Column(nullable = false, columnDefinition = "bpchar(3)")
    private String currency;

    private String notes;

    @Column(name = "logged_at", nullable = false)
    private Instant loggedAt;

    protected Activity() {
    }

    public Activity(UUID id, ActivityDraft draft, Instant loggedAt) {
        this.id = id;
        this.technique = draft.technique();
        this.performedOn = draft.performedOn();
        this.minutesSpent = draft.minutesSpent();
        this.costMinor = draft.costMinor();
        this.currency = draft.currency();
        this.notes = draft.notes();
        this.loggedAt = loggedAt;
    }

    /** True when the draft describes this very activity: a repeated request, not a different one. */
    public boolean matches(ActivityDraft draft) {
        return technique.equals(draft.technique())
                && performedOn.equals(draft.performedOn())
                && minutesSpent == draft.minutesSpent()
                && costMinor == draft.costMinor()
                && currency.equals(draft.currency())
                && Objects.equals(notes, draft.notes());
    }

    public UUID id() {
        return id;
    }

    public String technique() {
        return technique;
    }

    public LocalDate performedOn() {
        return performedOn;
    }

    public int minutesSpent() {
        return minutesSpent;
    }

    public long costMinor() {
        return costMinor;
    }

    public String currency() {
        return currency;
    }

    public String notes() {
        return notes;
    }

    public Instant loggedAt() {
        return loggedAt;
    }
}

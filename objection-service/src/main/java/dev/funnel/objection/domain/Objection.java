package dev.funnel.objection.domain;

import dev.funnel.events.ObjectionCategory;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A prospect telling sales exactly where the gap is, and, once resolved, the bridge that was built there.
 * The statement and the bridge are the seller's notes: they never leave this service.
 */
@Entity
public class Objection extends PanacheEntityBase {

    @Id
    private UUID id;

    @Column(name = "prospect_id", nullable = false)
    private UUID prospectId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ObjectionCategory category;

    @Column(nullable = false)
    private String statement;

    @Column(name = "raised_at", nullable = false)
    private Instant raisedAt;

    private String bridge;

    @Column(name = "bridge_key")
    private String bridgeKey;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Version
    private long version;

    protected Objection() {
    }

    public Objection(UUID id, ObjectionDraft draft, Instant now) {
        this.id = id;
        this.prospectId = draft.prospectId();
        this.category = draft.category();
        this.statement = draft.statement();
        this.raisedAt = draft.raisedAt().orElse(now);
        this.recordedAt = now;
    }

    /**
     * Records the bridge. An objection is resolved once: a second bridge would rewrite the playbook's history,
     * so it is refused, as is a resolution dated before the objection was raised.
     */
    public void resolve(String bridgeText, Instant at) {
        if (resolvedAt != null) {
            throw new ObjectionAlreadyResolvedException(id, resolvedAt);
        }
        if (at.isBefore(raisedAt)) {
            throw new ResolvedBeforeRaisedException(id, raisedAt, at);
        }
        this.bridge = bridgeText;
        this.bridgeKey = BridgeKey.of(bridgeText);
        this.resolvedAt = at;
    }

    /**
     * True when the draft describes this very objection: a repeated request, not a different one. A draft
     * without a time matches any: the client left the time to the service both times.
     */
    public boolean matches(ObjectionDraft draft) {
        return prospectId.equals(draft.prospectId())
                && category == draft.category()
                && statement.equals(draft.statement())
                && draft.raisedAt().map(raisedAt::equals).orElse(true);
    }

    public ObjectionStatus status() {
        return resolvedAt == null ? ObjectionStatus.OPEN : ObjectionStatus.RESOLVED;
    }

    public UUID id() {
        return id;
    }

    public UUID prospectId() {
        return prospectId;
    }

    public ObjectionCategory category() {
        return category;
    }

    public String statement() {
        return statement;
    }

    public Instant raisedAt() {
        return raisedAt;
    }

    public String bridge() {
        return bridge;
    }

    public Instant resolvedAt() {
        return resolvedAt;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}

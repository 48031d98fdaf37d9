package dev.funnel.prospect.domain;

import dev.funnel.events.LostReason;
import dev.funnel.events.ProspectSource;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A prospect and the path it took: found, maybe contacted, then won or lost. The transitions refuse
 * what the path does not allow; their times may not run backwards, lie in the future or before 2000.
 */
@Entity
public class Prospect extends PanacheEntityBase {

    /**
     * No time given by a client is earlier: catches a typo such as 1026, and keeps year 0 or -5000 (which
     * PostgreSQL cannot store or which consumers refuse) out of the table and the events.
     */
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    @Id
    private UUID id;

    @Column(name = "display_name")
    private String displayName;

    private String company;
    private String email;
    private String phone;

    @Column(name = "personal_data_erased_at")
    private Instant personalDataErasedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ProspectSource source;

    private String technique;

    @Column(nullable = false)
    private String owner;

    @Column(name = "estimated_value_minor", nullable = false)
    private long estimatedValueMinor;

    @Column(nullable = false, columnDefinition = "bpchar(3)")
    private String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Stage stage;

    @Column(name = "found_at", nullable = false)
    private Instant foundAt;

    @Column(name = "contacted_at")
    private Instant contactedAt;

    @Column(name = "contacted_by")
    private String contactedBy;

    @Column(name = "won_at")
    private Instant wonAt;

    @Column(name = "won_value_minor")
    private Long wonValueMinor;

    @Column(name = "won_currency", columnDefinition = "bpchar(3)")
    private String wonCurrency;

    @Column(name = "lost_at")
    private Instant lostAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "lost_reason")
    private LostReason lostReason;

    @Version
    private long version;

    protected Prospect() {
    }

    /** A prospect found at {@code draft.foundAt()}, or {@code now} when the client gave no time. */
    public Prospect(UUID id, ProspectDraft draft, Instant now) {
        Instant found = draft.foundAt() == null ? now : draft.foundAt();
        requirePlausible("foundAt", found, now);
        this.id = id;
        this.displayName = draft.contact().displayName();
        this.company = draft.contact().company();
        this.email = draft.contact().email();
        this.phone = draft.contact().phone();
        this.source = draft.source();
        this.technique = draft.technique();
        this.owner = draft.owner();
        this.estimatedValueMinor = draft.estimatedValueMinor();
        this.currency = draft.currency();
        this.stage = Stage.FOUND;
        this.foundAt = found;
    }

    /** A seller reached the prospect. Only from FOUND. */
    public void contact(String by, Instant at, Instant now) {
        requireStage("contacted", Stage.FOUND);
        requireStepTime(at, now);
        this.stage = Stage.CONTACTED;
        this.contactedAt = at;
        this.contactedBy = by;
    }

    /** The prospect became a customer. From FOUND or CONTACTED. */
    public void win(long valueMinor, String valueCurrency, Instant at, Instant now) {
        requireStage("won", Stage.FOUND, Stage.CONTACTED);
        requireStepTime(at, now);
        this.stage = Stage.WON;
        this.wonAt = at;
        this.wonValueMinor = valueMinor;
        this.wonCurrency = valueCurrency;
    }

    /** The prospect was lost. From FOUND or CONTACTED. */
    public void lose(LostReason reason, Instant at, Instant now) {
        requireStage("lost", Stage.FOUND, Stage.CONTACTED);
        requireStepTime(at, now);
        this.stage = Stage.LOST;
        this.lostAt = at;
        this.lostReason = reason;
    }

    /**
     * Right to erasure: who the prospect is goes, the anonymous facts stay. Repeating it changes nothing.
     *
     * @return whether this call erased anything (false: it was erased before)
     */
    public boolean erasePersonalData(Instant now) {
        if (personalDataErasedAt != null) {
            return false;
        }
        this.displayName = null;
        this.company = null;
        this.email = null;
        this.phone = null;
        this.personalDataErasedAt = now;
        return true;
    }

    /** True when the draft describes this very prospect: a repeated request, not a different one. */
    public boolean matches(ProspectDraft draft) {
        return Objects.equals(displayName, draft.contact().displayName())
                && Objects.equals(company, draft.contact().company())
                && Objects.equals(email, draft.contact().email())
                && Objects.equals(phone, draft.contact().phone())
                && source == draft.source()
                && Objects.equals(technique, draft.technique())
                && owner.equals(draft.owner())
                && estimatedValueMinor == draft.estimatedValueMinor()
                && currency.equals(draft.currency())
                && (draft.foundAt() == null || foundAt.equals(draft.foundAt()));
    }

    private void requireStage(String step, Stage... allowed) {
        for (Stage stageAllowed : allowed) {
            if (stage == stageAllowed) {
                return;
            }
        }
        throw new IllegalTransitionException(id, stage, step);
    }

    private void requireStepTime(Instant at, Instant now) {
        requirePlausible("at", at, now);
        Instant previous = previousStepAt();
        if (at.isBefore(previous)) {
            throw new InvalidStepTimeException("at", "must not be before the previous step (" + previous + ")");
        }
    }

    private Instant previousStepAt() {
        return contactedAt != null ? contactedAt : foundAt;
    }

    private static void requirePlausible(String field, Instant at, Instant now) {
        if (at.isAfter(now)) {
            throw new InvalidStepTimeException(field, "must not be in the future");
        }
        if (at.isBefore(EARLIEST)) {
            throw new InvalidStepTimeException(field, "must not be before " + EARLIEST);
        }
    }

    public UUID id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public String company() {
        return company;
    }

    public String email() {
        return email;
    }

    public String phone() {
        return phone;
    }

    public Instant personalDataErasedAt() {
        return personalDataErasedAt;
    }

    public ProspectSource source() {
        return source;
    }

    public String technique() {
        return technique;
    }

    public String owner() {
        return owner;
    }

    public long estimatedValueMinor() {
        return estimatedValueMinor;
    }

    public String currency() {
        return currency;
    }

    public Stage stage() {
        return stage;
    }

    public Instant foundAt() {
        return foundAt;
    }

    public Instant contactedAt() {
        return contactedAt;
    }

    public String contactedBy() {
        return contactedBy;
    }

    public Instant wonAt() {
        return wonAt;
    }

    public Long wonValueMinor() {
        return wonValueMinor;
    }

    public String wonCurrency() {
        return wonCurrency;
    }

    public Instant lostAt() {
        return lostAt;
    }

    public LostReason lostReason() {
        return lostReason;
    }
}

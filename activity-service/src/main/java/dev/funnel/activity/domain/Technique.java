package dev.funnel.activity.domain;

import dev.funnel.events.Cadence;
import dev.funnel.events.ContractFormats;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/** A marketing technique (a blog, a newsletter, networking) and the cadence planned for it. */
@Entity
public class Technique extends PanacheEntityBase {

    /** Names the technique for good, and keys its events. */
    @Id
    private String slug;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Cadence cadence;

    @Column(name = "defined_at", nullable = false)
    private Instant definedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Technique() {
    }

    public Technique(String slug, String name, Cadence cadence, Instant at) {
        this.slug = slug;
        this.name = name;
        this.cadence = cadence;
        this.definedAt = at;
        this.updatedAt = at;
    }

    /** False for text no technique can be named by, such as one with a NUL character the database refuses. */
    public static boolean isSlug(String text) {
        return ContractFormats.isTechniqueSlug(text);
    }

    /**
     * Changes name and cadence; returns false when both were already so, in which case nothing changed
     * and nothing needs to be announced.
     */
    public boolean redefine(String newName, Cadence newCadence, Instant at) {
        if (isDefinedAs(newName, newCadence)) {
            return false;
        }
        this.name = newName;
        this.cadence = newCadence;
        this.updatedAt = at;
        return true;
    }

    /** True when the technique already has this name and cadence. */
    public boolean isDefinedAs(String otherName, Cadence otherCadence) {
        return Objects.equals(name, otherName) && cadence == otherCadence;
    }

    public String slug() {
        return slug;
    }

    public String name() {
        return name;
    }

    public Cadence cadence() {
        return cadence;
    }

    public Instant definedAt() {
        return definedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}

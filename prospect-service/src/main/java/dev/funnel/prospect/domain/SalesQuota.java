package dev.funnel.prospect.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** A seller's quota for one calendar month, as a manager last set it. */
@Entity
@Table(name = "sales_quota")
@IdClass(SalesQuota.Key.class)
public class SalesQuota extends PanacheEntityBase {

    @Id
    private String owner;

    /** The month's first day: a date column sorts and ranges like the month it stands for. */
    @Id
    private LocalDate month;

    @Column(name = "customers_target")
    private Integer customersTarget;

    @Column(name = "value_target_minor")
    private Long valueTargetMinor;

    @Column(columnDefinition = "bpchar(3)")
    private String currency;

    @Column(name = "set_by", nullable = false)
    private String setBy;

    @Column(name = "set_at", nullable = false)
    private Instant setAt;

    protected SalesQuota() {
    }

    public SalesQuota(String owner, YearMonth month, QuotaTargets targets, String setBy, Instant now) {
        this.owner = owner;
        this.month = month.atDay(1);
        apply(targets, setBy, now);
    }

    /** @return whether the stored targets are these */
    public boolean hasTargets(QuotaTargets targets) {
        return targets().equals(targets);
    }

    /**
     * Replaces the targets. The new setting is stamped later than the one it replaces even if the clock went back
     * (a corrected server clock, another replica's): consumers keep the quota with the latest {@code setAt}.
     */
    public void replace(QuotaTargets targets, String by, Instant now) {
        Instant after = setAt.plus(1, ChronoUnit.MICROS);
        apply(targets, by, now.isBefore(after) ? after : now);
    }

    private void apply(QuotaTargets targets, String by, Instant at) {
        this.customersTarget = targets.customers();
        this.valueTargetMinor = targets.valueMinor();
        this.currency = targets.currency();
        this.setBy = by;
        this.setAt = at;
    }

    public String owner() {
        return owner;
    }

    public YearMonth month() {
        return YearMonth.from(month);
    }

    public QuotaTargets targets() {
        return new QuotaTargets(customersTarget, valueTargetMinor, currency);
    }

    public String setBy() {
        return setBy;
    }

    public Instant setAt() {
        return setAt;
    }

    /** The primary key: owner and month. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private String owner;
        private LocalDate month;

        protected Key() {
        }

        public Key(String owner, YearMonth month) {
            this.owner = owner;
            this.month = month.atDay(1);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.owner.equals(owner) && key.month.equals(month);
        }

        @Override
        public int hashCode() {
            return Objects.hash(owner, month);
        }
    }
}

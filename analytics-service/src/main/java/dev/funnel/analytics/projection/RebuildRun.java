package dev.funnel.analytics.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * One rebuild of the read model and how far it got. Kept in the database so that every replica reports the
 * same, and so that a rebuild cut short by a restart is noticed and run again.
 */
@Entity
@Table(name = "projection_rebuild")
public class RebuildRun extends PanacheEntityBase {

    /** Where a rebuild is. */
    public enum State {
        /** Replaying; the read model is still filling up. */
        RUNNING,
        /** Every record up to the end offsets captured at the start was replayed. */
        DONE,
        /** Gave up; the message says why. The read model is incomplete until the next rebuild. */
        FAILED,
        /** The service stopped while replaying; it starts a new rebuild when it comes back. */
        INTERRUPTED
    }

    private static final int MAX_ERROR_LENGTH = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "target_records")
    private Long targetRecords;

    @Column(nullable = false)
    private long replayed;

    @Column(nullable = false)
    private long applied;

    @Column(name = "already_applied", nullable = false)
    private long alreadyApplied;

    @Column(nullable = false)
    private long unreadable;

    @Column
    private String error;

    protected RebuildRun() {
    }

    public static RebuildRun started(Instant at) {
        RebuildRun run = new RebuildRun();
        run.state = State.RUNNING;
        run.requestedAt = at;
        return run;
    }

    public static Optional<RebuildRun> latest() {
        return find("order by id desc").firstResultOptional();
    }

    public void target(long records) {
        this.targetRecords = records;
    }

    public void progress(long replayedMore, long appliedMore, long alreadyAppliedMore, long unreadableMore) {
        this.replayed += replayedMore;
        this.applied += appliedMore;
        this.alreadyApplied += alreadyAppliedMore;
        this.unreadable += unreadableMore;
    }

    public void finish(State outcome, Instant at, String why) {
        this.state = outcome;
        this.finishedAt = at;
        this.error = why == null || why.length() <= MAX_ERROR_LENGTH ? why : why.substring(0, MAX_ERROR_LENGTH);
    }

    public Long id() {
        return id;
    }

    public State state() {
        return state;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public Long targetRecords() {
        return targetRecords;
    }

    public long replayed() {
        return replayed;
    }

    public long applied() {
        return applied;
    }

    public long alreadyApplied() {
        return alreadyApplied;
    }

    public long unreadable() {
        return unreadable;
    }

    public String error() {
        return error;
    }
}

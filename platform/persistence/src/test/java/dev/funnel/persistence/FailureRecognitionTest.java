package dev.funnel.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.transaction.xa.XAException;
import org.hibernate.StaleObjectStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.GenericJDBCException;
import org.junit.jupiter.api.Test;

class FailureRecognitionTest {

    @Test
    void aUniqueViolationIsRecognisedThroughHibernateAndTheTransactionManager() {
        SQLException duplicate = new SQLException("duplicate key value violates unique constraint", "23505");
        RuntimeException wrapped = new RuntimeException(new RollbackException("rolled back"));
        wrapped.getCause().initCause(new ConstraintViolationException("insert failed", duplicate, "prospect_pkey"));

        assertThat(UniqueViolation.causedIt(wrapped)).isTrue();
    }

    @Test
    void anotherConstraintIsNoLostInsertRace() {
        SQLException notNull = new SQLException("null value in column", "23502");

        assertThat(UniqueViolation.causedIt(new ConstraintViolationException("insert failed", notNull, "c")))
                .isFalse();
        assertThat(UniqueViolation.causedIt(new IllegalStateException("no database involved"))).isFalse();
    }

    @Test
    void aDatabaseThatIsAwayIsRecognisedWhateverWrapsIt() {
        assertThat(DatabaseUnavailable.causedIt(new IllegalStateException("Could not read the funnel",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isTrue();
        assertThat(DatabaseUnavailable.causedIt(new RuntimeException(new GenericJDBCException(
                "Unable to acquire JDBC Connection", new SQLException("Sorry, acquisition timeout!"))))).isTrue();
        // Both as the fault suite met them with a paused PostgreSQL, wrapped as Hibernate wraps them.
        assertThat(DatabaseUnavailable.causedIt(new GenericJDBCException("Unable to acquire JDBC Connection [x]",
                new SQLException("Acquisition timeout while waiting for new connection")))).isTrue();
        assertThat(DatabaseUnavailable.causedIt(new IllegalStateException("Could not read", new SQLException(
                "Something unusual has occurred to cause the driver to fail.", "99999",
                new RuntimeException("Interrupted while attempting to connect."))))).isTrue();
        assertThat(DatabaseUnavailable.causedIt(new SQLException("canceling statement due to statement timeout",
                "57014"))).isTrue();
        assertThat(DatabaseUnavailable.causedIt(new RuntimeException(new SQLTransientConnectionException("gone"))))
                .isTrue();
    }

    @Test
    void aCommitThatLostTheDatabaseIsAnOutageThoughOnlySuppressedSaysSo() {
        // As Narayana reports a one-phase commit whose resource failed (the fault suite met it, PostgreSQL paused).
        RollbackException commit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        XAException resource = new XAException("Error trying to transactionCommit local transaction");
        resource.initCause(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        commit.addSuppressed(resource);

        assertThat(DatabaseUnavailable.causedIt(new RuntimeException("Error invoking subclass method", commit)))
                .isTrue();
    }

    @Test
    void aFailedCommitForAnotherReasonIsNoOutage() {
        RollbackException commit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        commit.addSuppressed(new SQLException("deferred constraint violated", "23505"));
        IllegalStateException inner = new IllegalStateException("inner");
        RuntimeException looping = new RuntimeException("outer", inner);
        inner.addSuppressed(looping);

        assertThat(DatabaseUnavailable.causedIt(new RuntimeException(commit))).isFalse();
        assertThat(DatabaseUnavailable.causedIt(looping)).isFalse();
    }

    @Test
    void aStatementThatIsWrongIsNoOutage() {
        assertThat(DatabaseUnavailable.causedIt(new SQLException("duplicate key value", "23505"))).isFalse();
        assertThat(DatabaseUnavailable.causedIt(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(DatabaseUnavailable.causedIt(new IllegalArgumentException("no database involved"))).isFalse();
    }

    @Test
    void aFailedVersionCheckIsALostUpdateWhateverWrapsIt() {
        assertThat(LostUpdate.causedIt(new RuntimeException(new OptimisticLockException("stale")))).isTrue();
        assertThat(LostUpdate.causedIt(new RuntimeException(new StaleObjectStateException("Prospect", 1L))))
                .isTrue();
        assertThat(LostUpdate.causedIt(new RuntimeException("something else"))).isFalse();
    }
}

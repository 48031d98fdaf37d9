package dev.funnel.audit;

import dev.funnel.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/** A stand-in for a service's write: it changes a row and records the change in the audit trail, in one transaction. */
@Path("/notes/{id}")
@RolesAllowed({Roles.SELLER, Roles.ADMIN})
public class NoteResource {

    private final DataSource dataSource;
    private final AuditTrail audit;

    NoteResource(DataSource dataSource, AuditTrail audit) {
        this.dataSource = dataSource;
        this.audit = audit;
    }

    /** Writes the note; with {@code fail=true} fails after the audit entry, so the whole transaction rolls back. */
    @PUT
    @Transactional
    public void write(@PathParam("id") String id, @QueryParam("fail") boolean fail) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement(
                     "insert into note (id, body) values (?, 'x') on conflict (id) do update set body = 'y'")) {
            upsert.setString(1, id);
            upsert.executeUpdate();
        }
        audit.record("note.written", "note", id);
        if (fail) {
            throw new IllegalStateException("failed after the audit entry");
        }
    }
}

package dev.funnel.web.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Who is calling, from their verified token: the name ({@code preferred_username}, which is also a prospect's
 * {@code owner}) and the roles. The one place that decides whose prospects a caller may see.
 */
@ApplicationScoped
public class Caller {

    private final SecurityIdentity identity;

    Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String name() {
        return identity.getPrincipal().getName();
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    /**
     * The one owner whose prospects this caller may see and move, or empty for every owner's. A seller is limited
     * to their own; a manager sees every prospect, and an admin reaches any prospect for erasure.
     */
    public Optional<String> onlyOwner() {
        return has(Roles.MANAGER) || has(Roles.ADMIN) ? Optional.empty() : Optional.of(name());
    }

    /** Whether a prospect of this owner (none when unassigned) is within {@link #onlyOwner()}. */
    public boolean mayReach(String owner) {
        return onlyOwner().map(name -> name.equals(owner)).orElse(true);
    }
}

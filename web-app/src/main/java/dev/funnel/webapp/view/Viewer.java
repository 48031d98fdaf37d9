package dev.funnel.webapp.view;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The signed-in person as every page's frame shows them ({@code {inject:viewer.name}} in the templates). */
@Named("viewer")
@RequestScoped
public class Viewer {

    @Inject
    SecurityIdentity identity;

    /** The token's preferred_username: the name a seller's prospects are owned by. */
    public String name() {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    /** The pages this person may use, in navigation order. */
    public List<Page> pages() {
        return Arrays.stream(Page.values()).filter(page -> page.allows(identity.getRoles())).toList();
    }

    public Optional<Page> firstPage() {
        return pages().stream().findFirst();
    }

    public String roles() {
        return String.join(", ", identity.getRoles().stream().sorted().toList());
    }
}

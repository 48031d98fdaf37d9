package dev.funnel.webapp.view;

import java.util.List;
import java.util.Set;

/**
 * The pages, in the order the navigation shows them, with the roles that may use each: the same roles the services
 * ask for the calls a page makes, so a page never offers what its API would refuse.
 */
public enum Page {
    TODAY("today", "Today", Roles.MARKETER),
    GARDEN("garden", "Garden", Roles.MARKETER, Roles.MANAGER, Roles.ANALYST),
    HARVEST("harvest", "Harvest", Roles.MARKETER, Roles.MANAGER, Roles.ANALYST),
    FUNNEL("funnel", "Funnel", Roles.MARKETER, Roles.MANAGER, Roles.ANALYST),
    PIPELINE("pipeline", "Pipeline", Roles.SELLER, Roles.MANAGER),
    PLAYBOOK("playbook", "Playbook", Roles.SELLER, Roles.MANAGER, Roles.ANALYST);

    private final String slug;
    private final String label;
    private final List<String> roles;

    Page(String slug, String label, String... roles) {
        this.slug = slug;
        this.label = label;
        this.roles = List.of(roles);
    }

    public String slug() {
        return slug;
    }

    public String path() {
        return "/" + slug;
    }

    public String label() {
        return label;
    }

    public List<String> roles() {
        return roles;
    }

    public boolean allows(Set<String> personsRoles) {
        return roles.stream().anyMatch(personsRoles::contains);
    }
}

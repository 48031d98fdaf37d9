package dev.funnel.web.security;

/**
 * The roles a caller's token may carry, as the identity provider names them. Each endpoint names in
 * {@code @RolesAllowed} the least it needs; an endpoint that names none refuses everyone
 * ({@code quarkus.security.jaxrs.deny-unannotated-endpoints}), so a forgotten annotation fails closed.
 */
public final class Roles {

    /** Defines techniques and logs the daily marketing work. */
    public static final String MARKETER = "marketer";
    /** Hunts: registers and moves the prospects they own, and the objections raised on them. */
    public static final String SELLER = "seller";
    /** Every prospect and every seller. */
    public static final String MANAGER = "manager";
    /** Reads the funnel, the insights and the playbook. */
    public static final String ANALYST = "analyst";
    /** Rebuilds projections, erases personal data, reads the audit trail. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}

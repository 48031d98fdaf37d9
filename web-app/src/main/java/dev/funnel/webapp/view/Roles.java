package dev.funnel.webapp.view;

/**
 * The identity provider's role names, as the services check them (platform/web's {@code Roles}, which this app does
 * not depend on: that library is the services' HTTP layer, with JSON problem mappers an HTML app must not have).
 */
public final class Roles {

    public static final String MARKETER = "marketer";
    public static final String SELLER = "seller";
    public static final String MANAGER = "manager";
    public static final String ANALYST = "analyst";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}

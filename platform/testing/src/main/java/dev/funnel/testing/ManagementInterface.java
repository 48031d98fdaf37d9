package dev.funnel.testing;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Requests to the application's management interface (health, metrics, OpenAPI), which listens on a port of its
 * own and takes no token. Under test the port is a free one ({@code %test.quarkus.management.test-port=0}), which
 * Quarkus writes back to {@code quarkus.management.test-port} once it listens.
 */
public final class ManagementInterface {

    private ManagementInterface() {
    }

    public static int port() {
        return ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }

    /** A RestAssured request to the management port, without the default token. */
    public static RequestSpecification given() {
        return RestAssured.given().port(port()).auth().none();
    }

    /** The absolute URL of a management path, for clients other than RestAssured. */
    public static String url(String path) {
        return "http://localhost:" + port() + path;
    }
}

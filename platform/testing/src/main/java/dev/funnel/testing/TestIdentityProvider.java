package dev.funnel.testing;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The OIDC issuer of a test JVM: Quarkus' OIDC test server (WireMock) serving a discovery document and the JWKS
 * whose key signs {@link TestTokens}. A service under test checks every token against it exactly as it would
 * against Keycloak or any other provider: signature, issuer, audience and expiry.
 */
public final class TestIdentityProvider implements AutoCloseable {

    /** The issuer the discovery document names and every valid test token carries. */
    public static final String ISSUER = "https://server.example.com";

    private final OidcWiremockTestResource server;
    private final String authServerUrl;

    private TestIdentityProvider(OidcWiremockTestResource server, String authServerUrl) {
        this.server = server;
        this.authServerUrl = authServerUrl;
    }

    static TestIdentityProvider start() {
        OidcWiremockTestResource server = new OidcWiremockTestResource();
        String base = server.start().get("keycloak.url");
        return new TestIdentityProvider(server, base + "/realms/quarkus");
    }

    /** What {@code quarkus.oidc.auth-server-url} names: the discovery document is under it. */
    public String authServerUrl() {
        return authServerUrl;
    }

    @Override
    public void close() {
        server.stop();
    }
}

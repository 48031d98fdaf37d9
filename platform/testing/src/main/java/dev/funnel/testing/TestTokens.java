package dev.funnel.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

/**
 * Access tokens for tests, signed with the key whose public half {@link TestIdentityProvider} publishes, shaped as
 * the services expect any provider's: the caller's name in {@code preferred_username}, roles in {@code groups},
 * the services' audience. Each refusable variant differs from a valid token in one way only.
 */
public final class TestTokens {

    /** The audience every service requires ({@code quarkus.oidc.token.audience}). */
    public static final String AUDIENCE = "funnel-api";
    /** The key the test issuer's JWKS names, inside quarkus-test-oidc-server. */
    private static final String SIGNING_KEY = "privateKey.jwk";
    private static final String KEY_ID = "1";
    private static final Duration LIFETIME = Duration.ofHours(1);
    /** Every role the services know, as the identity provider names them. */
    public static final String[] EVERY_ROLE = {"marketer", "seller", "manager", "analyst", "admin"};
    /** Who the tests act as unless a test says otherwise: the business's owner, holding every role. */
    public static final String OWNER = "owner";

    private TestTokens() {
    }

    /** A valid token for a caller holding these roles. */
    public static String of(String username, String... roles) {
        return sign(claims(username, roles, TestIdentityProvider.ISSUER, AUDIENCE, Instant.now().plus(LIFETIME)));
    }

    /** Valid in every way but that it expired a minute ago. */
    public static String expired(String username, String... roles) {
        Instant expiredAt = Instant.now().minus(Duration.ofMinutes(1));
        return sign(claims(username, roles, TestIdentityProvider.ISSUER, AUDIENCE, expiredAt)
                .issuedAt(expiredAt.minus(LIFETIME)));
    }

    /** Signed by the right key but naming another issuer. */
    public static String fromAnotherIssuer(String username, String... roles) {
        return sign(claims(username, roles, "https://elsewhere.example.com", AUDIENCE, Instant.now().plus(LIFETIME)));
    }

    /** Signed by the right key but for another audience (a token meant for another application). */
    public static String forAnotherAudience(String username, String... roles) {
        return sign(claims(username, roles, TestIdentityProvider.ISSUER, "another-api", Instant.now().plus(LIFETIME)));
    }

    /** The right claims and key id, signed by a key the issuer never published. */
    public static String signedByAnotherKey(String username, String... roles) {
        return claims(username, roles, TestIdentityProvider.ISSUER, AUDIENCE, Instant.now().plus(LIFETIME))
                .jws().keyId(KEY_ID).sign(anotherKey());
    }

    /** A valid token whose payload was changed after signing: the roles widened to {@code admin}. */
    public static String tampered(String username, String... roles) {
        String[] parts = of(username, roles).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String widened = payload.replace("\"groups\":[", "\"groups\":[\"admin\",");
        if (widened.equals(payload)) {
            throw new IllegalStateException("The token's payload has no groups to widen: " + payload);
        }
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(widened.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    private static JwtClaimsBuilder claims(String username, String[] roles, String issuer, String audience,
            Instant expiresAt) {
        return Jwt.issuer(issuer)
                .audience(audience)
                .subject(username)
                .preferredUserName(username)
                .groups(Set.of(roles))
                .issuedAt(Instant.now())
                .expiresAt(expiresAt);
    }

    private static String sign(JwtClaimsBuilder claims) {
        return claims.jws().keyId(KEY_ID).sign(SIGNING_KEY);
    }

    private static PrivateKey anotherKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

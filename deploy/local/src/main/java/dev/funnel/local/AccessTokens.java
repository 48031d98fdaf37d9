package dev.funnel.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Access tokens of the realm's users from the identity provider, as a person gets them with curl: the password
 * grant of the public CLI client. A token is kept while it has more than a minute left and fetched again after,
 * so a load or a test that runs longer than the token lifespan (15 min) never sends an expired one.
 */
final class AccessTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration MARGIN = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String issuer;
    private final LocalRealm realm;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private volatile URI tokenEndpoint;

    private record Token(String value, long refreshAfterNanos) {
    }

    AccessTokens(String issuer, LocalRealm realm) {
        this.issuer = issuer;
        this.realm = realm;
    }

    /** A token source for one user, for a {@link RestClient}. */
    RestClient.Bearer of(String user) {
        realm.user(user);
        return () -> token(user);
    }

    /** A valid access token of the user; the same one until it nears its end. */
    String token(String user) throws IOException, InterruptedException {
        Token kept = tokens.get(user);
        if (kept != null && System.nanoTime() < kept.refreshAfterNanos()) {
            return kept.value();
        }
        Token fresh = fetch(realm.user(user));
        tokens.put(user, fresh);
        return fresh.value();
    }

    private Token fetch(LocalRealm.User user) throws IOException, InterruptedException {
        long asked = System.nanoTime();
        String form = Map.of("grant_type", "password", "client_id", LocalRealm.CLI_CLIENT, "username", user.name(),
                        "password", user.password(), "scope", "openid").entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(tokenEndpoint())
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("no token for " + user.name() + " from " + tokenEndpoint() + ": "
                    + answer.statusCode() + " " + answer.body());
        }
        JsonNode body = JSON.readTree(answer.body());
        Duration lifespan = Duration.ofSeconds(body.path("expires_in").asLong(60));
        long keep = Math.max(0, lifespan.minus(MARGIN).toNanos());
        return new Token(body.path("access_token").asText(), asked + keep);
    }

    /** Read from the issuer's discovery document, as any OIDC client does, not assumed to be Keycloak's path. */
    private URI tokenEndpoint() throws IOException, InterruptedException {
        if (tokenEndpoint == null) {
            HttpResponse<String> discovery = http.send(HttpRequest.newBuilder(
                            URI.create(issuer + "/.well-known/openid-configuration")).timeout(Duration.ofSeconds(30))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (discovery.statusCode() != 200) {
                throw new IllegalStateException(issuer + "/.well-known/openid-configuration answered "
                        + discovery.statusCode());
            }
            tokenEndpoint = URI.create(JSON.readTree(discovery.body()).path("token_endpoint").asText());
        }
        return tokenEndpoint;
    }
}

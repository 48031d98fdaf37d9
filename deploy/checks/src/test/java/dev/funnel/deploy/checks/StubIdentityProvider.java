package dev.funnel.deploy.checks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The smallest OpenID provider the web app's code flow needs, on localhost: discovery, its signing key (JWKS) and a
 * token endpoint that answers any code with an ID token and an access token, RS256-signed, for one person. It
 * stands for the cluster's identity provider, so that the web app can be run as the Deployment configures it.
 */
final class StubIdentityProvider implements AutoCloseable {

    static final String CLIENT_ID = "funnel-web";
    static final String PERSON = "olivia";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final HttpServer server;
    private final KeyPair key;
    private final String issuer;
    private final List<Map<String, String>> tokenRequests = new CopyOnWriteArrayList<>();

    StubIdentityProvider() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            key = generator.generateKeyPair();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/funnel";
        server.createContext("/realms/funnel/.well-known/openid-configuration", exchange -> json(exchange, Map.of(
                "issuer", issuer,
                "authorization_endpoint", issuer + "/auth",
                "token_endpoint", issuer + "/token",
                "jwks_uri", issuer + "/keys",
                "end_session_endpoint", issuer + "/logout",
                "response_types_supported", List.of("code"),
                "subject_types_supported", List.of("public"),
                "id_token_signing_alg_values_supported", List.of("RS256"))));
        server.createContext("/realms/funnel/keys", exchange -> json(exchange, Map.of("keys", List.of(jwk()))));
        server.createContext("/realms/funnel/token", this::token);
        server.start();
    }

    String issuer() {
        return issuer;
    }

    /** The form parameters of every token request so far (code, redirect_uri, code_verifier, ...). */
    List<Map<String, String>> tokenRequests() {
        return List.copyOf(tokenRequests);
    }

    private void token(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            String[] parts = pair.split("=", 2);
            form.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        tokenRequests.add(form);
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", "subject-of-" + PERSON);
        claims.put("aud", List.of(CLIENT_ID, "funnel-api"));
        claims.put("azp", CLIENT_ID);
        claims.put("iat", now);
        claims.put("exp", now + 3600);
        claims.put("preferred_username", PERSON);
        claims.put("realm_access", Map.of("roles", List.of("marketer", "manager", "analyst")));
        json(exchange, Map.of("access_token", jwt(claims), "id_token", jwt(claims), "token_type", "Bearer",
                "expires_in", 3600));
    }

    private String jwt(Map<String, Object> claims) {
        try {
            String header = BASE64URL.encodeToString(JSON.writeValueAsBytes(
                    Map.of("alg", "RS256", "typ", "JWT", "kid", "stub")));
            String payload = BASE64URL.encodeToString(JSON.writeValueAsBytes(claims));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key.getPrivate());
            signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + BASE64URL.encodeToString(signature.sign());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> jwk() {
        RSAPublicKey publicKey = (RSAPublicKey) key.getPublic();
        return Map.of("kty", "RSA", "kid", "stub", "use", "sig", "alg", "RS256",
                "n", unsigned(publicKey.getModulus()), "e", unsigned(publicKey.getPublicExponent()));
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return BASE64URL.encodeToString(bytes);
    }

    private static void json(HttpExchange exchange, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

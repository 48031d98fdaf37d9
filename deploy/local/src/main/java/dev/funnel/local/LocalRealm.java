package dev.funnel.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The realm the launcher's Keycloak imports ({@code deploy/local/src/main/resources/keycloak/funnel-realm.json},
 * inside the launcher's jar, so it is the one the launcher was built with), read for what the
 * launcher tells its user and what the demo and the tests sign in with: the users, their passwords and roles,
 * and the clients. The file is the one place these are written down.
 */
final class LocalRealm {

    /** The public client with direct access grants: curl, the demo and the tests get tokens through it. */
    static final String CLI_CLIENT = "funnel-cli";
    static final String WEB_CLIENT = "funnel-web";

    record User(String name, String password, List<String> roles) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Where the client funnel-web may send a browser back to, after sign-in and after sign-out. */
    private static final String POST_LOGOUT_REDIRECT_URIS = "post.logout.redirect.uris";

    private final Map<String, User> users;
    private final List<String> roles;
    private final Optional<String> webClientSecret;

    private LocalRealm(Map<String, User> users, List<String> roles, Optional<String> webClientSecret) {
        this.users = users;
        this.roles = roles;
        this.webClientSecret = webClientSecret;
    }

    /** Where the realm is on the launcher's class path. */
    static final String RESOURCE = "keycloak/funnel-realm.json";

    /** The realm file as Keycloak imports it. */
    static byte[] bytes() throws IOException {
        try (InputStream in = LocalRealm.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the launcher's class path");
            }
            return in.readAllBytes();
        }
    }

    /**
     * The realm file as Keycloak must import it for a web app on {@code webAppPort}: Keycloak sends a browser
     * back only to a redirect URI the client registers, and the file registers the default port's. The same
     * port gives the same bytes each time, so comparing with the copy imported last still tells a changed realm.
     */
    static byte[] bytesFor(int webAppPort) throws IOException {
        byte[] file = bytes();
        ObjectNode realm = (ObjectNode) JSON.readTree(file);
        ObjectNode client = webClient(realm);
        String registered = client.path("webOrigins").path(0).asText();
        String origin = "http://localhost:" + webAppPort;
        if (registered.equals(origin)) {
            return file;
        }
        for (String field : List.of("redirectUris", "webOrigins")) {
            ArrayNode uris = (ArrayNode) client.path(field);
            for (int i = 0; i < uris.size(); i++) {
                uris.set(i, uris.get(i).asText().replace(registered, origin));
            }
        }
        ObjectNode attributes = (ObjectNode) client.path("attributes");
        attributes.put(POST_LOGOUT_REDIRECT_URIS,
                attributes.path(POST_LOGOUT_REDIRECT_URIS).asText().replace(registered, origin));
        return JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(realm);
    }

    private static ObjectNode webClient(JsonNode realm) {
        for (JsonNode client : realm.path("clients")) {
            if (WEB_CLIENT.equals(client.path("clientId").asText())) {
                return (ObjectNode) client;
            }
        }
        throw new IllegalStateException(RESOURCE + " has no client " + WEB_CLIENT);
    }

    static LocalRealm read() throws IOException {
        JsonNode realm = JSON.readTree(bytes());
        List<String> roleOrder = new ArrayList<>();
        realm.path("roles").path("realm").forEach(role -> roleOrder.add(role.path("name").asText()));
        Map<String, User> users = new LinkedHashMap<>();
        for (JsonNode user : realm.path("users")) {
            String password = "";
            for (JsonNode credential : user.path("credentials")) {
                if ("password".equals(credential.path("type").asText())) {
                    password = credential.path("value").asText();
                }
            }
            List<String> roles = new ArrayList<>();
            user.path("realmRoles").forEach(role -> roles.add(role.asText()));
            users.put(user.path("username").asText(), new User(user.path("username").asText(), password,
                    List.copyOf(roles)));
        }
        Optional<String> secret = Optional.empty();
        for (JsonNode client : realm.path("clients")) {
            if (WEB_CLIENT.equals(client.path("clientId").asText())) {
                secret = Optional.of(client.path("secret").asText());
            }
        }
        return new LocalRealm(users, List.copyOf(roleOrder), secret);
    }

    /** The client funnel-web's secret, which the web app authenticates to Keycloak with. */
    String webClientSecret() {
        return webClientSecret.orElseThrow(() -> new IllegalStateException(RESOURCE + " has no client "
                + WEB_CLIENT + " with a secret"));
    }

    /** The user with the most roles: the owner of the demo's small business. */
    User owner() {
        return users.values().stream().max(Comparator.comparingInt(user -> user.roles().size())).orElseThrow();
    }

    /** The first user who is a seller and nothing else. */
    User seller() {
        return users.values().stream().filter(user -> user.roles().equals(List.of("seller"))).findFirst()
                .orElseThrow(() -> new IllegalStateException(RESOURCE + " has no user who is only a seller"));
    }

    /** The first line a person reads once everything is up: where the pages are and whom to sign in as. */
    String webAppSignIn(String webAppUrl) {
        User owner = owner();
        User seller = seller();
        // The roles in the realm's order (marketer first, as the pages are), not in the order the user lists them.
        List<String> ownersRoles = roles.stream().filter(owner.roles()::contains).toList();
        return "Open " + webAppUrl + " and sign in as " + owner.name() + " / " + owner.password() + " (the owner: "
                + String.join(", ", ownersRoles) + "), or " + seller.name() + " / " + seller.password()
                + " (a seller)";
    }

    List<User> users() {
        return List.copyOf(users.values());
    }

    User user(String name) {
        User user = users.get(name);
        if (user == null) {
            throw new IllegalArgumentException("no user " + name + " in the local realm; it has " + users.keySet());
        }
        return user;
    }

    /** What a person needs to call the services: who may sign in, and a token and a call with curl. */
    void printSignIn(String oidcUrl, String keycloakAdminUrl, String prospectUrl, String webAppUrl,
            PrintStream out) {
        out.println();
        out.println("Sign-in: tokens from " + oidcUrl + " (client " + CLI_CLIENT + ", password grant)");
        out.printf("  %-8s %-16s %s%n", "user", "password", "roles");
        for (User user : users.values()) {
            out.printf("  %-8s %-16s %s%n", user.name(), user.password(), String.join(", ", user.roles()));
        }
        User seller = seller();
        out.println("  a token (valid 15 min, fetch another when it runs out), then a call with it:");
        out.println("  TOKEN=$(curl -s -d client_id=" + CLI_CLIENT + " -d username=" + seller.name() + " -d password="
                + seller.password() + " -d grant_type=password " + oidcUrl
                + "/protocol/openid-connect/token | jq -r .access_token)");
        out.println("  curl -s -H \"Authorization: Bearer $TOKEN\" " + prospectUrl + "/prospects");
        webClientSecret.ifPresent(secret -> out.println("  web app client: " + WEB_CLIENT + ", secret " + secret
                + " (local use only), redirect URIs " + webAppUrl + "/*"));
        if (keycloakAdminUrl != null) {
            out.println("  Keycloak admin console: " + keycloakAdminUrl + " (admin / admin)");
        }
    }
}

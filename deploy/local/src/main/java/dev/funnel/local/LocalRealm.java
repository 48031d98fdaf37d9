package dev.funnel.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.InputStream;
import java.util.ArrayList;
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

    private final Map<String, User> users;
    private final Optional<String> webClientSecret;

    private LocalRealm(Map<String, User> users, Optional<String> webClientSecret) {
        this.users = users;
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

    static LocalRealm read() throws IOException {
        JsonNode realm = new ObjectMapper().readTree(bytes());
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
        return new LocalRealm(users, secret);
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
    void printSignIn(String oidcUrl, String keycloakAdminUrl, String prospectUrl, PrintStream out) {
        out.println();
        out.println("Sign-in: tokens from " + oidcUrl + " (client " + CLI_CLIENT + ", password grant)");
        out.printf("  %-8s %-16s %s%n", "user", "password", "roles");
        for (User user : users.values()) {
            out.printf("  %-8s %-16s %s%n", user.name(), user.password(), String.join(", ", user.roles()));
        }
        User seller = users.values().stream().filter(user -> user.roles().contains("seller")).findFirst()
                .orElse(users.values().iterator().next());
        out.println("  a token (valid 15 min, fetch another when it runs out), then a call with it:");
        out.println("  TOKEN=$(curl -s -d client_id=" + CLI_CLIENT + " -d username=" + seller.name() + " -d password="
                + seller.password() + " -d grant_type=password " + oidcUrl
                + "/protocol/openid-connect/token | jq -r .access_token)");
        out.println("  curl -s -H \"Authorization: Bearer $TOKEN\" " + prospectUrl + "/prospects");
        webClientSecret.ifPresent(secret -> out.println("  web app client: " + WEB_CLIENT + ", secret " + secret
                + " (local use only), redirect URIs http://localhost:8080/*"));
        if (keycloakAdminUrl != null) {
            out.println("  Keycloak admin console: " + keycloakAdminUrl + " (admin / admin)");
        }
    }
}

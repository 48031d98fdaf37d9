package dev.funnel.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Keycloak installation under the data directory: unpacked once, its database kept while the realm is. */
class LocalKeycloakTest {

    private static final Path HOME = Path.of(System.getProperty("funnel.home", "../..")).toAbsolutePath();
    private static final Path DISTRIBUTION = HOME.resolve("deploy/local/target/keycloak/keycloak-quarkus-dist.zip");

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    void theDistributionIsUnpackedOnceAndItsScriptsCanRun() throws Exception {
        Path home = LocalKeycloak.unpack(DISTRIBUTION, data);
        Path script = home.resolve("bin/kc.sh");
        assertThat(Files.isExecutable(script)).isTrue();
        Files.writeString(home.resolve("conf/left-by-an-earlier-start"), "kept");

        assertThat(LocalKeycloak.unpack(DISTRIBUTION, data)).isEqualTo(home);
        assertThat(home.resolve("conf/left-by-an-earlier-start")).as("not unpacked again").exists();
    }

    @Test
    void anUnpackingCutShortIsDoneAgain() throws Exception {
        Path real = LocalKeycloak.unpack(DISTRIBUTION, data);
        Files.delete(real.resolve(".funnel-unpacked"));
        Files.delete(real.resolve("bin/kc.sh"));

        LocalKeycloak.unpack(DISTRIBUTION, data);

        assertThat(real.resolve("bin/kc.sh")).exists();
        assertThat(real.resolve(".funnel-unpacked")).exists();
    }

    @Test
    void theImportedDatabaseIsKeptWhileTheRealmIsTheSameAndDroppedWhenItChanged() throws Exception {
        Path home = data.resolve("keycloak-test");
        Path database = home.resolve("data/h2/keycloakdb.mv.db");
        byte[] realm = LocalRealm.bytes();
        LocalKeycloak.importRealm(home, realm);
        Files.createDirectories(database.getParent());
        Files.writeString(database, "imported");

        LocalKeycloak.importRealm(home, realm);
        assertThat(database).as("same realm: Keycloak's database kept").exists();

        byte[] changed = (new String(realm, StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8);
        LocalKeycloak.importRealm(home, changed);
        assertThat(database).as("changed realm: imported afresh").doesNotExist();
        assertThat(home.resolve("data/import/funnel-realm.json")).hasBinaryContent(changed);
    }

    @Test
    void anotherWebAppPortIsAnotherRealmWhoseWebClientReturnsToThatPortOnly() throws Exception {
        JsonNode elsewhere = JSON.readTree(LocalRealm.bytesFor(18080));
        JsonNode client = client(elsewhere, LocalRealm.WEB_CLIENT);

        assertThat(client.path("redirectUris")).extracting(JsonNode::asText)
                .containsExactly("http://localhost:18080/*");
        assertThat(client.path("webOrigins")).extracting(JsonNode::asText).containsExactly("http://localhost:18080");
        assertThat(client.path("attributes").path("post.logout.redirect.uris").asText())
                .isEqualTo("http://localhost:18080/*");
        assertThat(new String(LocalRealm.bytesFor(18080), StandardCharsets.UTF_8)).doesNotContain("localhost:8080");
        JsonNode file = JSON.readTree(LocalRealm.bytes());
        ((ObjectNode) client(file, LocalRealm.WEB_CLIENT)).setAll((ObjectNode) client);
        assertThat(elsewhere).as("nothing else changed").isEqualTo(file);

        assertThat(LocalRealm.bytesFor(8080)).as("the file's own port: the file").isEqualTo(LocalRealm.bytes());
        assertThat(LocalRealm.bytesFor(18080)).as("the same bytes each time").isEqualTo(LocalRealm.bytesFor(18080));
    }

    @Test
    void aWebAppMovedToAnotherPortHasTheRealmImportedAfresh() throws Exception {
        Path home = data.resolve("keycloak-test");
        Path database = home.resolve("data/h2/keycloakdb.mv.db");
        LocalKeycloak.importRealm(home, LocalRealm.bytesFor(18080));
        Files.createDirectories(database.getParent());
        Files.writeString(database, "imported");

        LocalKeycloak.importRealm(home, LocalRealm.bytesFor(18080));
        assertThat(database).as("same port: Keycloak's database kept").exists();

        LocalKeycloak.importRealm(home, LocalRealm.bytesFor(18081));
        assertThat(database).as("another port: imported afresh").doesNotExist();
    }

    /**
     * Keycloak itself, as a browser meets it: the sign-in page for a redirect back to the web app's port, and its
     * "Invalid parameter: redirect_uri" page for any other; after sign-out the way back, or "Invalid redirect uri".
     */
    @Test
    void theTestKeycloakSendsBrowsersBackToItsWebAppPortAndNowhereElse() throws Exception {
        String issuer = TestKeycloak.issuer();
        int webAppPort = TestKeycloak.webAppPort();
        String other = "http://localhost:" + (webAppPort + 1) + "/today";

        HttpResponse<String> signIn = get(authorize(issuer, "http://localhost:" + webAppPort + "/today"));
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
        assertThat(signIn.body()).contains("id=\"kc-form-login\"");
        HttpResponse<String> refused = get(authorize(issuer, other));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Invalid parameter: redirect_uri");

        // No session to end here: Keycloak sends the browser straight back, if it may.
        HttpResponse<String> signOut = get(signOut(issuer, "http://localhost:" + webAppPort + "/signed-out"));
        assertThat(signOut.statusCode()).as(signOut.body()).isEqualTo(302);
        assertThat(signOut.headers().firstValue("Location"))
                .contains("http://localhost:" + webAppPort + "/signed-out");
        HttpResponse<String> refusedSignOut = get(signOut(issuer, other));
        assertThat(refusedSignOut.statusCode()).isEqualTo(400);
        assertThat(refusedSignOut.body()).contains("Invalid redirect uri");
    }

    private static String authorize(String issuer, String redirectUri) {
        return issuer + "/protocol/openid-connect/auth?client_id=" + LocalRealm.WEB_CLIENT
                + "&response_type=code&scope=openid&state=s&code_challenge_method=S256"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&redirect_uri="
                + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8);
    }

    private static String signOut(String issuer, String redirectUri) {
        return issuer + "/protocol/openid-connect/logout?client_id=" + LocalRealm.WEB_CLIENT
                + "&post_logout_redirect_uri=" + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (clientId.equals(client.path("clientId").asText())) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }

    @Test
    void theRealmGivesEveryRoleAUserAndTheSellersOfTheDemo() throws Exception {
        LocalRealm realm = LocalRealm.read();

        assertThat(realm.users()).extracting(LocalRealm.User::name)
                .containsExactly("olivia", "mia", "sam", "alex", "max", "ana", "ada");
        assertThat(realm.users()).flatExtracting(LocalRealm.User::roles)
                .contains("marketer", "seller", "manager", "analyst", "admin");
        assertThat(realm.user("olivia").roles()).containsExactly("manager", "marketer", "analyst");
        assertThat(DemoStory.SELLERS).allSatisfy(seller -> assertThat(realm.user(seller).roles()).contains("seller"));
        assertThat(realm.users()).allSatisfy(user -> assertThat(user.password()).isNotBlank());
    }

    @Test
    void theWebAppsSignInLineNamesTheOwnerAndASellerFromTheRealm() throws Exception {
        LocalRealm realm = LocalRealm.read();

        assertThat(realm.webAppSignIn("http://localhost:18080")).isEqualTo("Open http://localhost:18080 and sign in"
                + " as olivia / olivia-local (the owner: marketer, manager, analyst), or sam / sam-local (a seller)");
        assertThat(realm.webClientSecret()).isEqualTo("funnel-web-local-secret");
    }

    @Test
    void theDemoEndsByNamingWhoToSignInAsForEachPartOfTheStory() throws Exception {
        String tour = DemoStory.tour("http://localhost:18080", LocalRealm.read());

        assertThat(tour.lines()).containsExactly(
                "The story in the web app, http://localhost:18080:",
                "  the watering (Today, Garden)       sign in as mia / mia-local",
                "  the hunt (Pipeline, Playbook)      sign in as sam / sam-local",
                "  the whole funnel (Harvest, Funnel) sign in as olivia / olivia-local");
    }
}

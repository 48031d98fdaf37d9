package dev.funnel.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Keycloak installation under the data directory: unpacked once, its database kept while the realm is. */
class LocalKeycloakTest {

    private static final Path HOME = Path.of(System.getProperty("funnel.home", "../..")).toAbsolutePath();
    private static final Path DISTRIBUTION = HOME.resolve("deploy/local/target/keycloak/keycloak-quarkus-dist.zip");

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
}

package dev.funnel.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Keycloak as the launcher runs it: the server distribution that building deploy/local fetched from Maven
 * Central, unpacked once under the data directory, started in development mode with the repository's realm
 * imported, as a child process like the services.
 *
 * <p>Development mode keeps Keycloak's own database in an H2 file inside the installation, so a second start
 * skips creating the schema and importing the realm (about half of a start on these machines). The realm is
 * the repository's, though: when the file differs from the copy imported last, that database is removed first
 * and the realm imported afresh. Keycloak holds nothing else worth keeping here.
 */
final class LocalKeycloak {

    static final String NAME = "keycloak";
    /** Written last when unpacking: an installation without it was cut short and is unpacked again. */
    private static final String UNPACKED = ".funnel-unpacked";
    private static final String REALM_COPY = "funnel-realm.json";

    private LocalKeycloak() {
    }

    /**
     * Unpacks (if not done yet) and prepares the installation, with the realm letting the client funnel-web send
     * browsers back to a web app on {@code webAppPort}; returns how to start it, the same way each time, so a
     * restart after a crash gets the same options.
     */
    static SupervisedService.Launch prepare(Path distribution, Path directory, int port, int webAppPort,
            Path logDirectory) throws IOException {
        Path home = unpack(distribution, directory);
        // Another web app port is another realm: the copy differs, and the realm is imported afresh.
        importRealm(home, LocalRealm.bytesFor(webAppPort));
        List<String> command = List.of(home.resolve("bin/kc.sh").toString(), "start-dev", "--http-port=" + port,
                "--import-realm",
                // Either would open Keycloak's management interface on port 9000, a second port to collide on.
                "--health-enabled=false", "--metrics-enabled=false");
        Map<String, String> environment = new LinkedHashMap<>();
        // Only the master realm's administrator (its console); the funnel realm's users come from the file.
        environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        // kc.sh's default heap is up to 512 MB; a local realm with seven users needs far less, and the
        // machine runs four services beside it. C1 only, as for the services: it starts sooner.
        environment.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx320m");
        environment.put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
        URI ready = URI.create("http://localhost:" + port + "/realms/" + StackSettings.REALM
                + "/.well-known/openid-configuration");
        Path log = logDirectory.resolve(NAME + ".log");
        return () -> ServiceProcess.start(NAME, command, environment, log, ready);
    }

    /** The installation's directory (as named inside the zip, e.g. keycloak-26.5.6), unpacked at most once. */
    static Path unpack(Path distribution, Path directory) throws IOException {
        checkDownloaded(distribution);
        try (ZipFile zip = new ZipFile(distribution.toFile())) {
            String top = topDirectory(zip);
            Path home = directory.resolve(top).normalize();
            if (Files.exists(home.resolve(UNPACKED))) {
                return home;
            }
            DataDirectory.delete(home);
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path target = directory.resolve(entry.getName()).normalize();
                if (!target.startsWith(home)) {
                    throw new IOException("entry outside " + top + " in " + distribution + ": " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                // java.util.zip keeps no file modes: the scripts are what must run.
                if (target.getFileName().toString().endsWith(".sh")) {
                    target.toFile().setExecutable(true);
                }
            }
            Files.writeString(home.resolve(UNPACKED), distribution.getFileName() + System.lineSeparator());
            return home;
        }
    }

    static void checkDownloaded(Path distribution) {
        if (!Files.isRegularFile(distribution)) {
            throw new IllegalStateException("Keycloak is not downloaded: " + distribution + " is missing (run "
                    + "./mvnw -B -ntp package -pl deploy/local -am -DskipTests, or use ./run-local; or set "
                    + "FUNNEL_OIDC_URL to use another identity provider)");
        }
    }

    private static String topDirectory(ZipFile zip) throws IOException {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        if (!entries.hasMoreElements()) {
            throw new IOException(zip.getName() + " is empty");
        }
        return entries.nextElement().getName().split("/")[0];
    }

    /** Puts the realm where {@code --import-realm} reads it; a changed realm replaces Keycloak's database. */
    static void importRealm(Path home, byte[] realm) throws IOException {
        Path imports = home.resolve("data/import");
        Path copy = imports.resolve(REALM_COPY);
        if (Files.exists(copy) && !Arrays.equals(Files.readAllBytes(copy), realm)) {
            DataDirectory.delete(home.resolve("data/h2"));
        }
        Files.createDirectories(imports);
        Files.write(copy, realm);
    }
}

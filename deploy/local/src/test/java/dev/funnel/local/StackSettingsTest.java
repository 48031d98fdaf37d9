package dev.funnel.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackSettingsTest {

    private static final Path HOME = Path.of("/opt/funnel");

    @Test
    void theDefaultsGiveEveryPartAPortOfItsOwn() {
        StackSettings settings = StackSettings.parse(new String[0], Map.of(), HOME);

        assertThat(settings.kafkaPort()).isEqualTo(9092);
        assertThat(settings.services()).extracting(ServiceSpec::port).containsExactly(8081, 8082, 8083, 8084);
    }

    @Test
    void theServicesRunC1OnlyUnlessFullJitIsAsked() {
        StackSettings small = StackSettings.parse(new String[0], Map.of(), HOME);
        StackSettings full = StackSettings.parse(new String[] {"--full-jit"}, Map.of(), HOME);

        assertThat(small.fullJit()).isFalse();
        assertThat(full.fullJit()).isTrue();
        assertThat(small.withoutWebApp().withFullJit().fullJit()).isTrue();
        assertThat(ServiceProcess.jvmOptions(small.fullJit())).contains("-XX:TieredStopAtLevel=1", "-Xmx192m");
        assertThat(ServiceProcess.jvmOptions(full.fullJit())).contains("-Xmx192m")
                .noneMatch(option -> option.contains("TieredStopAtLevel"));
    }

    @Test
    void theWebAppListensOn8080WithHealthOn9080AndOwnsNoDatabase() {
        StackSettings settings = StackSettings.parse(new String[0], Map.of(), HOME);

        assertThat(settings.webApp()).hasValueSatisfying(webApp -> {
            assertThat(webApp.name()).isEqualTo("web-app");
            assertThat(webApp.port()).isEqualTo(8080);
            assertThat(webApp.managementPort()).isEqualTo(9080);
            assertThat(webApp.database()).isEmpty();
            assertThat(webApp.jar(HOME)).isEqualTo(HOME.resolve("web-app/target/quarkus-app/quarkus-run.jar"));
        });
        assertThat(settings.webAppPortForRealm()).isEqualTo(8080);
        assertThat(settings.services()).allSatisfy(service -> assertThat(service.database()).isPresent());
    }

    @Test
    void theWebAppsPortsComeFromOptionsOrTheEnvironmentAndTheRealmFollows() {
        StackSettings fromOptions = StackSettings.parse(new String[] {"--web-port=18080",
                "--web-management-port=19080"}, Map.of("FUNNEL_WEB_PORT", "28080"), HOME);
        StackSettings fromEnvironment = StackSettings.parse(new String[0], Map.of("FUNNEL_WEB_PORT", "28080",
                "FUNNEL_WEB_MANAGEMENT_PORT", "29080"), HOME);

        assertThat(fromOptions.webApp()).map(ServiceSpec::port).contains(18080);
        assertThat(fromOptions.webApp()).map(ServiceSpec::managementPort).contains(19080);
        assertThat(fromOptions.webAppPortForRealm()).isEqualTo(18080);
        assertThat(fromEnvironment.webApp()).map(ServiceSpec::port).contains(28080);
        assertThat(fromEnvironment.webApp()).map(ServiceSpec::managementPort).contains(29080);
    }

    @Test
    void aWebAppPortSharedWithAnotherPartIsRefusedNamingBothOptions() {
        assertThatThrownBy(() -> StackSettings.parse(new String[] {"--web-port=8082"}, Map.of(), HOME))
                .hasMessage("--prospect-port and --web-port are both 8082; each part needs a port of its own");
        assertThatThrownBy(() -> StackSettings.parse(new String[0], Map.of("FUNNEL_WEB_MANAGEMENT_PORT", "8080"),
                HOME)).hasMessage("--web-port and --web-management-port are both 8080; each part needs a port of "
                        + "its own");
    }

    @Test
    void withoutTheWebAppTheRealmKeepsTheFilesPort() {
        StackSettings settings = StackSettings.parse(new String[0], Map.of(), HOME).withoutWebApp();

        assertThat(settings.webApp()).isEmpty();
        assertThat(settings.webAppPortForRealm()).isEqualTo(8080);
    }

    @Test
    void byDefaultTheServicesTrustTheLaunchersKeycloakAndAnswerHealthOnTheirManagementPorts() {
        StackSettings settings = StackSettings.parse(new String[0], Map.of(), HOME);

        assertThat(settings.externalOidcUrl()).isEmpty();
        assertThat(settings.oidcUrl()).isEqualTo("http://localhost:8180/realms/funnel");
        assertThat(settings.services()).extracting(ServiceSpec::managementPort)
                .containsExactly(9081, 9082, 9083, 9084);
    }

    @Test
    void anIssuerInFunnelOidcUrlReplacesKeycloakAndFreesItsPort() {
        StackSettings settings = StackSettings.parse(new String[] {"--keycloak-port=8081"},
                Map.of("FUNNEL_OIDC_URL", "https://login.example.com/realms/acme/"), HOME);

        assertThat(settings.externalOidcUrl()).contains("https://login.example.com/realms/acme");
        assertThat(settings.oidcUrl()).isEqualTo("https://login.example.com/realms/acme");
    }

    @Test
    void aManagementPortSharedWithAnotherPartIsRefusedNamingBothOptions() {
        assertThatThrownBy(() -> StackSettings.parse(new String[] {"--analytics-management-port=8180"}, Map.of(),
                HOME)).hasMessage("--keycloak-port and --analytics-management-port are both 8180; each part needs a "
                        + "port of its own");
    }

    @Test
    void twoPartsOnOnePortAreRefusedNamingBothOptions() {
        assertThatThrownBy(() -> StackSettings.parse(new String[] {"--prospect-port=9092"}, Map.of(), HOME))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--kafka-port and --prospect-port are both 9092; each part needs a port of its own");
    }

    @Test
    void aPortFromTheEnvironmentIsCheckedLikeOneFromTheCommandLine() {
        assertThatThrownBy(() -> StackSettings.parse(new String[0], Map.of("FUNNEL_ANALYTICS_PORT", "8081"), HOME))
                .hasMessage("--activity-port and --analytics-port are both 8081; each part needs a port of its own");
    }

    @Test
    void theEmbeddedDatabasePortMayBeReusedWhenAnExternalDatabaseIsGiven() {
        StackSettings settings = StackSettings.parse(new String[] {"--postgres-port=8081"},
                Map.of("FUNNEL_DB_URL", "jdbc:postgresql://db:5432/funnel"), HOME);

        assertThat(settings.externalDatabase()).isPresent();
    }

    @Test
    void aPortOutsideTheRangeIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> StackSettings.parse(new String[] {"--kafka-port=70000"}, Map.of(), HOME))
                .hasMessage("--kafka-port must be a port number (1-65535) but was 70000");
    }
}

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

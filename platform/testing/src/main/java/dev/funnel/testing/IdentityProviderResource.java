package dev.funnel.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Only the OIDC issuer, for an application under test that needs no broker or database (a library's own tests);
 * {@link FunnelTestResources} hands it over with the rest.
 */
public class IdentityProviderResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.oidc.auth-server-url", TestInfrastructure.identityProvider().authServerUrl());
    }

    @Override
    public void stop() {
        // The issuer is shared by the test JVM; TestInfrastructure stops it at exit.
    }
}

package dev.funnel.webapp.client;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Calls a service as the signed-in person: their access token from the code flow goes on the request, so each
 * service decides with its own roles what this person may see and do (a seller, their own prospects only), and
 * its audit names them. The web app holds no token of its own and no rights of its own.
 *
 * <p>Written by hand: Quarkus' token propagation extension ({@code quarkus-rest-client-oidc-token-propagation})
 * does exactly this, but its 3.33.2 parent pom is not served by the Maven repository these builds use.
 */
public class PersonsAccessToken implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        SecurityIdentity identity = CDI.current().select(SecurityIdentity.class).get();
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token != null) {
            request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token.getToken());
        }
    }
}

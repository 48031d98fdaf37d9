package dev.funnel.web.security;

import dev.funnel.web.Problems;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Refused callers as problem details. 401 with an RFC 6750 {@code WWW-Authenticate} challenge: without
 * {@code error} when no token came, {@code error="invalid_token"} when one came and failed (signature, issuer,
 * audience, expiry; which one is logged by quarkus-oidc, not told to the caller). 403 when the token is good but
 * its roles do not reach the endpoint.
 *
 * <p>These fire because authentication is not proactive ({@code quarkus.http.auth.proactive=false}): a token is
 * checked when an endpoint asks for an identity, inside JAX-RS, rather than in the HTTP layer, which would
 * answer with an empty body. Nothing runs before the check, so a refused request changes and publishes nothing.
 */
class AccessProblemMappers {

    static final String REALM = "funnel";

    @ServerExceptionMapper(priority = Priorities.AUTHENTICATION)
    Response noCredentials(UnauthorizedException e) {
        return unauthorized("Bearer realm=\"" + REALM + "\"",
                "This endpoint needs a bearer token from the identity provider");
    }

    @ServerExceptionMapper(value = {AuthenticationFailedException.class, AuthenticationCompletionException.class},
            priority = Priorities.AUTHENTICATION)
    Response invalidToken(RuntimeException e) {
        return unauthorized("Bearer realm=\"" + REALM + "\", error=\"invalid_token\"",
                "The bearer token is not valid: expired, not signed by the identity provider, or not for this service");
    }

    @ServerExceptionMapper(priority = Priorities.AUTHORIZATION)
    Response forbidden(ForbiddenException e) {
        return Problems.of(Status.FORBIDDEN, "Your roles do not allow this").build().toResponse();
    }

    private static Response unauthorized(String challenge, String detail) {
        return Problems.of(Status.UNAUTHORIZED, detail)
                .withHeader(HttpHeaders.WWW_AUTHENTICATE, challenge)
                .build()
                .toResponse();
    }
}

package dev.funnel.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body declared larger than {@code quarkus.http.limits.max-body-size} with a 413 problem
 * before anything reads it. Vert.x enforces the same limit on its own, but answers with an empty body;
 * this gives the client the same problem details as every other error.
 *
 * <p>A chunked body (no declared length) still meets Quarkus's own empty 413, and the cut-off read is logged
 * as an error. Buffering such bodies here with Vert.x's {@code BodyHandler} would answer them too, but the
 * REST layer then fails every HTTP/2 request ("Request has already been read"), so that is not done.
 */
@ApplicationScoped
class OversizedBodyFilter {

    private final long limitBytes;

    OversizedBodyFilter(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        this.limitBytes = limit.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::refuseOversized);
    }

    private void refuseOversized(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && declaredLength(declared) > limitBytes) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            Problems.end(context, 413, "Content Too Large",
                    "The request body is larger than the limit of " + limitBytes + " bytes");
            return;
        }
        context.next();
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1; // not ours to judge; the HTTP layer refuses a malformed length
        }
    }
}

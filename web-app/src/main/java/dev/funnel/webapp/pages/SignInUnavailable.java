package dev.funnel.webapp.pages;

import io.quarkus.oidc.OIDCException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * While the identity provider cannot be reached, nobody can sign in: say so in words, as a 503 with Retry-After,
 * instead of the plain-text 500 Quarkus answers by default. The failure happens in the HTTP security layer (Quarkus
 * OIDC cannot fetch the provider's metadata to send the person there), before any resource method, so the JAX-RS
 * mappers of {@link ErrorPages} never see it: this is a Vert.x failure handler, ahead of Quarkus's own. The page is
 * a frame of its own, without the navigation: nobody is signed in to show it for.
 */
@ApplicationScoped
public class SignInUnavailable {

    private static final Logger LOG = Logger.getLogger(SignInUnavailable.class);
    static final int RETRY_AFTER_SECONDS = 10;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(int retryAfterSeconds);
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::answer);
    }

    private void answer(RoutingContext context) {
        if (!causedByTheProvider(context.failure()) || context.response().headWritten()) {
            context.next();
            return;
        }
        LOG.warnf("sign-in is unavailable for %s: %s", context.normalizedPath(), context.failure().getMessage());
        context.response().setStatusCode(503)
                .putHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS))
                .putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-store");
        Templates.page(RETRY_AFTER_SECONDS).renderAsync().whenComplete((html, error) -> {
            if (error != null) {
                context.response().end("Sign-in is not available right now. Try again in a few seconds.");
            } else {
                context.response().end(html);
            }
        });
    }

    static boolean causedByTheProvider(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OIDCException) {
                return true;
            }
        }
        return false;
    }
}

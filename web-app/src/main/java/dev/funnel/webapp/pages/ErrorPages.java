package dev.funnel.webapp.pages;

import dev.funnel.webapp.client.ApiProblem;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every failure a page cannot handle itself becomes a page in words, with the navigation still there: never a stack
 * trace, never a blank page. A form's own refusals are shown on the form instead (see {@code FormErrors}).
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String title, String message);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return page(403, "Not a page for your role",
                "You are signed in, but this page is for other roles. The navigation shows the pages you may use.");
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return page(404, "Not found", "There is nothing here, or nothing you may see.");
    }

    /** A service refused what a page asked for reading (a form handles its own refusals). */
    @ServerExceptionMapper
    public Response refused(ApiProblem problem) {
        if (problem.status() >= 500) {
            LOG.warnf("a service answered %s", problem.getMessage());
        }
        Response.ResponseBuilder response = Response.status(problem.status() == 401 ? 503 : problem.status())
                .entity(Templates.error(problem.status(), problem.title(), problem.inWords()))
                .type(MediaType.TEXT_HTML_TYPE);
        problem.retryAfterSeconds().ifPresent(seconds -> response.header(HttpHeaders.RETRY_AFTER, seconds));
        return response.build();
    }

    /** A service did not answer at all (down, or slower than the client's timeout). */
    @ServerExceptionMapper
    public Response unreachable(ProcessingException e) {
        LOG.warnf("a service did not answer: %s", e.getMessage());
        return Response.status(503).header(HttpHeaders.RETRY_AFTER, 5)
                .entity(Templates.error(503, "A service is not answering",
                        "One of the services this page needs did not answer in time. Nothing was lost: try again "
                                + "in a few seconds."))
                .type(MediaType.TEXT_HTML_TYPE).build();
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected failure behind a page", e);
        return page(500, "Something went wrong on our side",
                "The failure is logged. Try again; if it stays, tell whoever runs this app the time it happened.");
    }

    private static Response page(int status, String title, String message) {
        return Response.status(status).entity(Templates.error(status, title, message)).type(MediaType.TEXT_HTML_TYPE)
                .build();
    }
}

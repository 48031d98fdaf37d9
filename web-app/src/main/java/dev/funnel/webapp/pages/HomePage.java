package dev.funnel.webapp.pages;

import dev.funnel.webapp.view.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Where signing in lands: the first page this person's roles allow, or words on why there is none. */
@Path("/")
@Authenticated
public class HomePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance noPage();
    }

    @Inject
    Viewer viewer;

    @GET
    public Response home() {
        return viewer.firstPage().map(page -> Response.seeOther(URI.create(page.path())).build())
                .orElseGet(() -> Response.status(Response.Status.FORBIDDEN).entity(Templates.noPage()).build());
    }
}

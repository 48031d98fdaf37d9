package dev.funnel.webapp.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Where the identity provider sends a person back after signing out: the one page that needs no session. */
@Path("/signed-out")
@PermitAll
public class SignedOutPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signedOut();
    }

    @GET
    public TemplateInstance signedOut() {
        return Templates.signedOut();
    }
}

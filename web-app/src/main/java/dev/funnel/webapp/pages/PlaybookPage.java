package dev.funnel.webapp.pages;

import dev.funnel.webapp.client.ObjectionApi;
import dev.funnel.webapp.view.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Per objection category, the bridges that resolved it, ranked by the customers they won (objection-service's). */
@Path("/playbook")
@RolesAllowed({Roles.SELLER, Roles.MANAGER, Roles.ANALYST})
public class PlaybookPage {

    /** How many bridges a category lists: the page is for deciding what to say next, not for the archive. */
    static final int BRIDGES_PER_CATEGORY = 10;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance playbook(List<ObjectionApi.Playbook> categories);
    }

    @Inject
    @RestClient
    ObjectionApi objections;

    @GET
    public TemplateInstance playbook() {
        List<ObjectionApi.Playbook> categories = new ArrayList<>();
        for (String category : ObjectionApi.CATEGORIES) {
            categories.add(objections.playbook(category, BRIDGES_PER_CATEGORY));
        }
        return Templates.playbook(categories);
    }
}

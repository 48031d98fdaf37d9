package dev.funnel.web.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A stand-in for a service's guarded resource: who may call it, and whose prospect a caller may reach. */
@Path("/guarded")
@Produces(MediaType.APPLICATION_JSON)
public class GuardedResource {

    /** How many writes got past the check: a refused request must not be one of them. */
    static final AtomicInteger WRITES = new AtomicInteger();

    private final Caller caller;

    GuardedResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.SELLER, Roles.MANAGER})
    public Map<String, Object> whoAmI() {
        return Map.of("name", caller.name(), "onlyOwner", caller.onlyOwner().orElse("(every owner)"));
    }

    @GET
    @Path("reach/{owner}")
    @RolesAllowed({Roles.SELLER, Roles.MANAGER, Roles.ADMIN})
    public Map<String, Object> mayReach(@PathParam("owner") String owner) {
        return Map.of("reaches", caller.mayReach(owner));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Map<String, Object> write() {
        return Map.of("writes", WRITES.incrementAndGet());
    }

    /** No annotation: refused to everyone. */
    @GET
    @Path("forgotten")
    public String forgotten() {
        return "should never answer";
    }
}

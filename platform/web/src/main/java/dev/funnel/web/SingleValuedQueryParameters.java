package dev.funnel.web;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * No API of the platform takes a query parameter twice, and JAX-RS hands a resource only the first of two values:
 * {@code size=10&size=abc} would be read as 10 and the second value silently dropped. Such a request is refused
 * with a 400 naming each repeated parameter before any resource sees it.
 */
class SingleValuedQueryParameters {

    @ServerRequestFilter
    Optional<Response> refuseRepeated(UriInfo uri) {
        MultivaluedMap<String, String> parameters = uri.getQueryParameters();
        List<Map<String, String>> repeated = parameters.entrySet().stream()
                .filter(parameter -> parameter.getValue().size() > 1)
                .map(parameter -> Problems.violation(parameter.getKey(), "query",
                        "is given " + parameter.getValue().size() + " times; give it once"))
                .toList();
        if (repeated.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Problems.of(Status.BAD_REQUEST, "Query parameter " + repeated.get(0).get("field")
                        + (repeated.size() == 1 ? " is" : " and others are") + " given more than once")
                .with("violations", repeated)
                .build()
                .toResponse());
    }
}

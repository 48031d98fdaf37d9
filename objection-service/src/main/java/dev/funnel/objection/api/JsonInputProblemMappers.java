package dev.funnel.objection.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A body that is JSON but does not fit the request (a date that is no date, an array for a text, an
 * unknown enum constant) as a problem naming the field in {@code violations}, like every other 400 of
 * this service. Quarkus REST's own mapper answers with plain JSON, and the problem library's mapper
 * names the field elsewhere and quotes Java type names back to the client.
 */
class JsonInputProblemMappers {

    /** Ahead of quarkus-resteasy-problem, which maps some of these itself with a very high priority. */
    private static final int BEFORE_LIBRARY_MAPPERS = 1;

    @ServerExceptionMapper(priority = BEFORE_LIBRARY_MAPPERS)
    Response invalidFormat(InvalidFormatException e) {
        return problem(e);
    }

    @ServerExceptionMapper(priority = BEFORE_LIBRARY_MAPPERS)
    Response mismatchedInput(MismatchedInputException e) {
        return problem(e);
    }

    @ServerExceptionMapper(priority = BEFORE_LIBRARY_MAPPERS)
    Response unmappableInput(JsonMappingException e) {
        return problem(e);
    }

    private static Response problem(JsonMappingException e) {
        String field = fieldPath(e.getPath());
        String message = message(e);
        return HttpProblem.builder()
                .withStatus(Status.BAD_REQUEST)
                .withTitle(Status.BAD_REQUEST.getReasonPhrase())
                .withDetail("The request body does not fit: " + field + " " + message)
                .with("violations", List.of(Map.of("field", field, "in", "body", "message", message)))
                .build()
                .toResponse();
    }

    /** A client that sent an unknown category learns the known ones, not a Java type name. */
    private static String message(JsonMappingException e) {
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                && mismatch.getTargetType().isEnum()) {
            return "must be one of " + Arrays.toString(mismatch.getTargetType().getEnumConstants());
        }
        return "has the wrong type or format";
    }

    /** {@code raisedAt}, or {@code items[3].raisedAt} inside a list, as Bean Validation names fields. */
    static String fieldPath(List<JsonMappingException.Reference> path) {
        if (path.isEmpty()) {
            return "body";
        }
        return path.stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }
}

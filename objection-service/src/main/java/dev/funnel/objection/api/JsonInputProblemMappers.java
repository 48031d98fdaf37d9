package dev.funnel.objection.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.jaxrs.WebApplicationExceptionMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.time.temporal.Temporal;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A body that is not JSON (malformed, not UTF-8, a key given twice, something after the object) or that is
 * JSON but does not fit the request (a date that is no date, a number for a text, an unknown enum constant)
 * as a problem naming the field in {@code violations}, like every other 400 of this service. Quarkus REST's
 * own mapper answers with plain JSON, and the problem library's mapper names the field elsewhere and quotes
 * Java type names back to the client.
 */
class JsonInputProblemMappers {

    /** Ahead of quarkus-resteasy-problem, which maps some of these itself with a very high priority. */
    private static final int BEFORE_LIBRARY_MAPPERS = 1;

    /** The problem library's own mapper, for the WebApplicationExceptions that are not about the body. */
    @Inject
    WebApplicationExceptionMapper library;

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

    /**
     * Quarkus REST's Jackson reader passes a mismatched value on as it is, but wraps everything else Jackson
     * refuses (malformed JSON, invalid UTF-8, a duplicate key, a number out of range) in a plain
     * WebApplicationException with status 400 and no body. Those are unwrapped here; every other
     * WebApplicationException (a 404, 405, 415, ...) is answered by the library as before.
     */
    @ServerExceptionMapper(priority = BEFORE_LIBRARY_MAPPERS)
    Response unreadableInput(WebApplicationException e) {
        if (e.getCause() instanceof JacksonException cause && e.getResponse().getStatus() == 400) {
            return problem(cause);
        }
        return library.toResponse(e);
    }

    private static Response problem(JacksonException e) {
        String field = field(e);
        String message = message(e);
        return HttpProblem.builder()
                .withStatus(Status.BAD_REQUEST)
                .withTitle(Status.BAD_REQUEST.getReasonPhrase())
                .withDetail("The request body does not fit: " + field + " " + message + where(e))
                .with("violations", List.of(Map.of("field", field, "in", "body", "message", message)))
                .build()
                .toResponse();
    }

    /**
     * The field as Bean Validation names it: from the path Jackson recorded while binding, otherwise from where
     * the parser stood when it gave up; {@code body} when the fault is in the body as a whole.
     */
    private static String field(JacksonException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return fieldPath(mapping.getPath());
        }
        if (e instanceof StreamReadException read && read.getProcessor() != null) {
            return fieldPath(read.getProcessor().getParsingContext());
        }
        return "body";
    }

    /** A client that sent an unknown category learns the known ones, not a Java type name. */
    private static String message(JacksonException e) {
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> target = mismatch.getTargetType();
            if (target.isEnum()) {
                return "must be one of " + Arrays.toString(target.getEnumConstants());
            }
            if (Temporal.class.isAssignableFrom(target)) {
                return "must be an ISO-8601 time as text, such as 2026-01-05T09:30:00Z";
            }
            if (target == String.class) {
                return "must be text";
            }
            if (target == UUID.class) {
                return "must be a UUID as text";
            }
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getPath().isEmpty()) {
            return "must be one JSON object, with nothing after it";
        }
        Throwable cause = rootCause(e);
        if (cause instanceof InputCoercionException) {
            return "is a number out of range";
        }
        if (cause instanceof StreamReadException || cause instanceof StreamConstraintsException) {
            // The parser's own words, less the Java method it names for a limit (a number of 1,001 digits).
            return "cannot be read as JSON: "
                    + ((JacksonException) cause).getOriginalMessage().replaceAll(", from `[^`]*`", "");
        }
        return "has the wrong type or format";
    }

    /** Where the parser stood, so a client can find the fault in what it sent. */
    private static String where(JacksonException e) {
        JsonLocation location = rootCause(e) instanceof JacksonException cause && cause.getLocation() != null
                ? cause.getLocation()
                : e.getLocation();
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (at line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
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

    /** The same naming from the parser's position: the enclosing field names and array indexes. */
    static String fieldPath(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inObject() && at.getCurrentName() != null) {
                parts.addFirst("." + at.getCurrentName());
            } else if (at.inArray() && at.getCurrentIndex() >= 0) {
                parts.addFirst("[" + at.getCurrentIndex() + "]");
            }
        }
        String path = String.join("", parts).replaceFirst("^\\.", "");
        return path.isEmpty() ? "body" : path;
    }
}

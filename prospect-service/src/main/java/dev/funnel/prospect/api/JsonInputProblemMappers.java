package dev.funnel.prospect.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A body that is no JSON (malformed, invalid UTF-8, a key given twice, something after the value) or JSON that
 * does not fit the request (a date that is no date, an array for a text, an unknown enum constant, a number out
 * of range) as a problem naming the field in {@code violations}, like every other 400 of this service. Quarkus
 * REST's own mapper answers with plain JSON, and the problem library's mapper names the field elsewhere and
 * quotes Java type names back to the client.
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

    /** The parser's own refusals: not JSON, invalid UTF-8, a key given twice, a number out of range. */
    @ServerExceptionMapper(priority = BEFORE_LIBRARY_MAPPERS)
    Response unreadableInput(StreamReadException e) {
        String field = e.getProcessor() == null ? "body" : fieldPath(e.getProcessor().getParsingContext());
        return unreadable(field, e);
    }

    /** Beyond Jackson's limits, such as a number of more than 1000 digits. */
    @ServerExceptionMapper(priority = BEFORE_LIBRARY_MAPPERS)
    Response oversizedInput(StreamConstraintsException e) {
        return unreadable("body", e);
    }

    private static Response problem(JsonMappingException e) {
        String field = fieldPath(e.getPath());
        if (e.getCause() instanceof StreamReadException unreadable) {
            return unreadable(field, unreadable);
        }
        String message = e.getOriginalMessage().startsWith("Trailing token")
                ? "must be a single JSON value, but more follows" + where(e.getLocation())
                : "has the wrong type or format";
        return problem(field, message, "The request body does not fit: " + field + " " + message);
    }

    private static Response unreadable(String field, JsonProcessingException e) {
        String message;
        if (e instanceof InputCoercionException outOfRange) {
            message = "is out of range" + range(outOfRange.getTargetType());
        } else if (e instanceof JsonEOFException) {
            message = "is cut short: the body ends before the JSON does";
        } else if (e instanceof StreamConstraintsException) {
            message = "is too large: " + e.getOriginalMessage().replaceFirst(", from `[^`]*`", "");
        } else {
            message = "is not valid JSON: " + e.getOriginalMessage();
        }
        return problem(field, message, "The request body cannot be read" + where(e.getLocation()) + ": "
                + field + " " + message);
    }

    private static Response problem(String field, String message, String detail) {
        return HttpProblem.builder()
                .withStatus(Status.BAD_REQUEST)
                .withTitle(Status.BAD_REQUEST.getReasonPhrase())
                .withDetail(detail)
                .with("violations", List.of(Map.of("field", field, "in", "body", "message", message)))
                .build()
                .toResponse();
    }

    private static String range(Class<?> type) {
        if (type == Long.TYPE || type == Long.class) {
            return " (a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE + ")";
        }
        if (type == Integer.TYPE || type == Integer.class) {
            return " (a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE + ")";
        }
        return "";
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** {@code activities[3].performedOn}, as Bean Validation names fields. */
    static String fieldPath(List<JsonMappingException.Reference> path) {
        if (path.isEmpty()) {
            return "body";
        }
        return path.stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

    /** The same for where the parser stopped: the field it was reading, or "body" before the first one. */
    static String fieldPath(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext level = context; level != null && !level.inRoot(); level = level.getParent()) {
            if (level.inArray()) {
                parts.addFirst("[" + level.getCurrentIndex() + "]");
            } else if (level.getCurrentName() != null) {
                parts.addFirst("." + level.getCurrentName());
            }
        }
        String path = String.join("", parts).replaceFirst("^\\.", "");
        return path.isEmpty() ? "body" : path;
    }

    /**
     * Quarkus REST turns what Jackson could not parse (anything but a mismatched input) into a bare
     * {@code 400 HTTP Bad Request} WebApplicationException, which the mappers above never see; this hands them
     * the cause instead. Only the reading of a body passes here, so no other WebApplicationException is touched.
     */
    @Provider
    static class UnwrapJsonFailures implements ReaderInterceptor {

        @Override
        public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
            try {
                return context.proceed();
            } catch (WebApplicationException e) {
                if (e.getCause() instanceof JsonProcessingException jsonFailure) {
                    throw jsonFailure;
                }
                throw e;
            }
        }
    }
}

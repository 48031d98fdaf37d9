package dev.funnel.activity.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemPostProcessor;
import jakarta.inject.Singleton;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A body Jackson cannot read (malformed JSON, invalid UTF-8, a repeated key, something after the body, a number
 * out of range) or that does not fit the request (a date that is no date, a fraction for a whole number, a
 * number for a text) as a problem naming the field in {@code violations}, like every other 400 of this
 * service. Quarkus REST's own mapper answers with plain JSON, and the problem library's mapper names the field
 * elsewhere and quotes Java type names back to the client.
 */
class JsonInputProblemMappers {

    /** Ahead of quarkus-resteasy-problem, which maps some of these itself with a very high priority. */
    private static final int BEFORE_LIBRARY_MAPPERS = 1;

    private static final int LONGEST_REASON = 300;

    @ServerExceptionMapper(priority = BEFORE_LIBRARY_MAPPERS)
    Response invalidFormat(InvalidFormatException e) {
        return problem(e).toResponse();
    }

    @ServerExceptionMapper(priority = BEFORE_LIBRARY_MAPPERS)
    Response mismatchedInput(MismatchedInputException e) {
        return problem(e).toResponse();
    }

    @ServerExceptionMapper(priority = BEFORE_LIBRARY_MAPPERS)
    Response unmappableInput(JsonMappingException e) {
        return problem(e).toResponse();
    }

    @ServerExceptionMapper(priority = BEFORE_LIBRARY_MAPPERS)
    Response unreadableInput(JsonProcessingException e) {
        return problem(e).toResponse();
    }

    /**
     * Quarkus REST hands on a mismatched value as Jackson threw it, but wraps everything else Jackson refuses
     * (malformed JSON, invalid UTF-8, a repeated key, a number out of range) in a bare 400
     * {@link WebApplicationException}, which the problem library turns into "HTTP 400 Bad Request". This
     * replaces that problem with the one the mappers above give for the wrapped exception.
     */
    @Singleton
    static class WrappedJsonProblems implements ProblemPostProcessor {

        /** Ahead of the library's logger (101), so the log shows the problem the client gets. */
        private static final int BEFORE_LIBRARY_LOGGER = 200;

        @Override
        public int priority() {
            return BEFORE_LIBRARY_LOGGER;
        }

        @Override
        public HttpProblem apply(HttpProblem problem, ProblemContext context) {
            if (context.cause instanceof WebApplicationException wrapper
                    && wrapper.getResponse().getStatus() == Status.BAD_REQUEST.getStatusCode()
                    && wrapper.getCause() instanceof JsonProcessingException jackson) {
                return HttpProblem.builder(problem(jackson)).withInstance(problem.getInstance()).build();
            }
            return problem;
        }
    }

    static HttpProblem problem(JsonProcessingException e) {
        Refusal refusal = refusal(e);
        return HttpProblem.builder()
                .withStatus(Status.BAD_REQUEST)
                .withTitle(Status.BAD_REQUEST.getReasonPhrase())
                .withDetail(refusal.detail())
                .with("violations", List.of(Map.of("field", refusal.field(), "in", "body",
                        "message", refusal.message())))
                .build();
    }

    private record Refusal(String field, String message, String detail) {

        static Refusal misfit(String field, String message) {
            return new Refusal(field, message, "The request body does not fit: " + field + " " + message);
        }
    }

    private static Refusal refusal(JsonProcessingException e) {
        InputCoercionException outOfRange = cause(e, InputCoercionException.class);
        if (outOfRange != null) {
            List<JsonMappingException.Reference> path = e instanceof JsonMappingException mapping
                    ? mapping.getPath() : List.of();
            // For 2147483648 as a cadence Jackson reports the int it failed to read, not the enum it wanted.
            Class<?> declared = declaredType(path);
            return Refusal.misfit(path.isEmpty() ? parserPath(outOfRange) : fieldPath(path),
                    expected(declared != null ? declared : outOfRange.getTargetType()));
        }
        JsonProcessingException unreadable = e instanceof JsonMappingException ? cause(e.getCause()) : e;
        if (unreadable != null) {
            String field = unreadable instanceof StreamReadException read && read.getProcessor() != null
                    ? parserPath(read)
                    : e instanceof JsonMappingException mapping ? fieldPath(mapping.getPath()) : "body";
            String reason = reason(unreadable);
            String where = where(unreadable.getLocation());
            String message = reason.startsWith("Duplicate field")
                    ? "appears more than once in the same object" + where
                    : "is not valid JSON: " + reason + where;
            return new Refusal(field, message, "The request body is not valid JSON: " + reason + where);
        }
        JsonMappingException mapping = (JsonMappingException) e;
        String field = fieldPath(mapping.getPath());
        if (mapping instanceof MismatchedInputException && mapping.getPath().isEmpty()
                && String.valueOf(mapping.getOriginalMessage()).startsWith("Trailing token")) {
            String message = "must be a single JSON value, but more follows" + where(mapping.getLocation());
            return new Refusal(field, message, "The request body " + message);
        }
        Class<?> target = mapping instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        return Refusal.misfit(field, expected(target != null ? target : declaredType(mapping.getPath())));
    }

    /** The type of the request record's component the path ends at, if it ends at one. */
    private static Class<?> declaredType(List<JsonMappingException.Reference> path) {
        if (path.isEmpty()) {
            return null;
        }
        JsonMappingException.Reference last = path.get(path.size() - 1);
        if (!(last.getFrom() instanceof Class<?> owner) || !owner.isRecord() || last.getFieldName() == null) {
            return null;
        }
        return Arrays.stream(owner.getRecordComponents())
                .filter(component -> component.getName().equals(last.getFieldName()))
                .map(RecordComponent::getType)
                .findFirst()
                .orElse(null);
    }

    /** What a value of this Java type looks like in JSON, in words a client understands. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type or format";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == Integer.class || type == int.class) {
            return "must be a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        }
        if (type == Long.class || type == long.class) {
            return "must be a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
        }
        if (type == String.class) {
            return "must be text (a JSON string)";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == UUID.class) {
            return "must be a UUID such as 0b9d6a4e-8f0e-4f0c-9a51-3c2d7e1f9a10";
        }
        if (type == LocalDate.class) {
            return "must be a date as YYYY-MM-DD";
        }
        if (type == Instant.class) {
            return "must be an ISO-8601 instant with an offset, such as 2026-01-05T09:30:00Z";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "must be a JSON array";
        }
        if (type.isRecord()) {
            return "must be a JSON object";
        }
        return "has the wrong type or format";
    }

    /** Jackson's own words for a syntax error, without its advice on parser features. */
    private static String reason(JsonProcessingException e) {
        String reason = String.valueOf(e.getOriginalMessage())
                .replaceAll("\\[Source: .*?; line: (\\d+), column: (\\d+)]", "line $1, column $2")
                .replaceAll(":? ?enable `[^`]*` to allow", "")
                .replaceAll(" \\(not recognized as one since [^)]*\\)", "")
                .replaceAll(", from `[^`]*`\\)", ")");
        return reason.length() > LONGEST_REASON ? reason.substring(0, LONGEST_REASON) + "..." : reason;
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static InputCoercionException cause(Throwable failure, Class<InputCoercionException> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    /** The first exception in the chain that is about reading JSON rather than binding it, if any. */
    private static JsonProcessingException cause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException jackson && !(cause instanceof JsonMappingException)) {
                return jackson;
            }
        }
        return null;
    }

    /** Where the parser stood when it gave up: {@code activities[3].minutesSpent}, or {@code body}. */
    private static String parserPath(StreamReadException e) {
        if (e.getProcessor() == null) {
            return "body";
        }
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext context = e.getProcessor().getParsingContext();
                context != null && !context.inRoot(); context = context.getParent()) {
            if (context.inArray() && context.getEntryCount() > 0) {
                parts.push("[" + context.getCurrentIndex() + "]");
            } else if (context.inObject() && context.getCurrentName() != null) {
                parts.push("." + context.getCurrentName());
            }
        }
        String path = String.join("", parts).replaceFirst("^\\.", "");
        return path.isEmpty() ? "body" : path;
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
}

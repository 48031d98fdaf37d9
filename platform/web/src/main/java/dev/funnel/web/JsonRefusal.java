package dev.funnel.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Why Jackson refused a JSON document read by the {@link dev.funnel.events.StrictJson} rules, for a person: the field
 * at fault, what is wrong with it, and a one-line detail saying where in the document. A document Jackson cannot read (malformed
 * JSON, invalid UTF-8, a repeated key, something after the value, a number beyond the parser's limits) or that
 * does not fit (a date that is no date, a fraction for a whole number, a number for a text, a number out of range).
 *
 * <p>The field is the path Jackson recorded while binding ({@code activities[3].performedOn}, as Bean Validation
 * names fields), otherwise where the parser stood when it gave up, otherwise {@code body}; the detail says where
 * in the document (line and column) whenever Jackson knows it. {@link JsonInputProblemMappers} turns it into a 400.
 *
 * @param field the field at fault, or {@code body}
 * @param message what is wrong with it
 * @param detail the whole story on one line
 */
public record JsonRefusal(String field, String message, String detail) {

    private static final int LONGEST_REASON = 300;

    /**
     * @param e what Jackson threw while reading or binding a JSON document
     * @return the field at fault and what is wrong with it, in words a client understands
     */
    public static JsonRefusal of(JsonProcessingException e) {
        List<JsonMappingException.Reference> path = e instanceof JsonMappingException mapping
                ? mapping.getPath() : List.of();
        JsonProcessingException unreadable = e instanceof JsonMappingException ? parserFailure(e.getCause()) : e;
        // A value out of range is named by the binding path (the parser may be reading a buffered copy); any other
        // parser refusal by where the parser stood, which may be deeper (a key repeated inside a list's item).
        String field = !path.isEmpty() && (unreadable == null || unreadable instanceof InputCoercionException)
                ? fieldPath(path)
                : unreadable instanceof StreamReadException read && read.getProcessor() != null
                        ? fieldPath(read.getProcessor().getParsingContext())
                        : fieldPath(path);
        String message;
        String detail;
        if (unreadable instanceof InputCoercionException outOfRange) {
            // For 2147483648 as an enum Jackson reports the int it failed to read, not the enum it wanted.
            Class<?> declared = declaredType(path);
            message = expected(declared != null ? declared : outOfRange.getTargetType());
            detail = "The request body does not fit";
        } else if (unreadable != null) {
            String reason = reason(unreadable);
            message = reason.startsWith("Duplicate field") ? "appears more than once in the same object"
                    : unreadable instanceof StreamConstraintsException ? "is too large: " + reason
                    : "is not valid JSON: " + reason;
            detail = "The request body cannot be read";
        } else if (path.isEmpty() && String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")) {
            message = "must be a single JSON value, but more follows";
            detail = "The request body does not fit";
        } else {
            Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
            message = expected(target != null ? target : declaredType(path));
            detail = "The request body does not fit";
        }
        JsonLocation location = unreadable != null && unreadable.getLocation() != null
                ? unreadable.getLocation() : e.getLocation();
        return new JsonRefusal(field, message, detail + where(location) + ": " + field + " " + message);
    }


    /** The first exception in the chain that is about reading JSON rather than binding it, if any. */
    private static JsonProcessingException parserFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException jackson && !(cause instanceof JsonMappingException)) {
                return jackson;
            }
        }
        return null;
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
            // Requests are read with StrictJson.applyToRequests: the store keeps microseconds and no leap second.
            return "must be an ISO-8601 instant with an offset, at most to the microsecond and without a leap"
                    + " second, such as 2026-01-05T09:30:00.123456Z";
        }
        if ("java.time".equals(type.getPackageName())) {
            return "must be an ISO-8601 text";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "must be a JSON array";
        }
        if (type.isRecord()) {
            return "must be a JSON object";
        }
        return "has the wrong type or format";
    }

    /** Jackson's own words for a syntax error, without its advice on parser features or Java method names. */
    private static String reason(JsonProcessingException e) {
        String reason = String.valueOf(e.getOriginalMessage())
                .replaceAll("\\[Source: .*?; line: (\\d+), column: (\\d+)]", "line $1, column $2")
                .replaceAll(":? ?enable `[^`]*` to allow", "")
                .replaceAll(" \\(not recognized as one since [^)]*\\)", "")
                .replaceAll(", from `[^`]*`", "");
        return reason.length() > LONGEST_REASON ? reason.substring(0, LONGEST_REASON) + "..." : reason;
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** {@code activities[3].performedOn}, as Bean Validation names fields. */
    public static String fieldPath(List<JsonMappingException.Reference> path) {
        if (path.isEmpty()) {
            return "body";
        }
        return path.stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

    /** The same for where the parser stopped: the field it was reading, or {@code body} before the first one. */
    public static String fieldPath(JsonStreamContext context) {
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

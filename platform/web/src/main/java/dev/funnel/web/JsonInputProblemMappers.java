package dev.funnel.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A body Jackson cannot read or that does not fit the request, as a problem naming the field in
 * {@code violations}, like every other 400 of a service; {@link JsonRefusal} says which field and what is wrong,
 * in the same words for every service. Quarkus REST's own mapper answers with plain JSON, and the
 * problem library's mapper names the field elsewhere and quotes Java type names back to the client.
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
        return problem(e);
    }

    /** Beyond Jackson's limits, such as a number of more than 1000 digits. */
    @ServerExceptionMapper(priority = BEFORE_LIBRARY_MAPPERS)
    Response oversizedInput(StreamConstraintsException e) {
        return problem(e);
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
            LongNumbers.Recording body = new LongNumbers.Recording(context.getInputStream());
            context.setInputStream(body);
            try {
                return context.proceed();
            } catch (WebApplicationException e) {
                if (e.getCause() instanceof JsonProcessingException jsonFailure) {
                    throw namedWhereJacksonCouldNot(jsonFailure, body);
                }
                throw e;
            } catch (JsonProcessingException e) {
                throw namedWhereJacksonCouldNot(e, body);
            }
        }

        /**
         * The failure, for the mappers above; where it is a number too long for Jackson to tell its field, the
         * problem naming that field is thrown instead.
         */
        private static JsonProcessingException namedWhereJacksonCouldNot(JsonProcessingException failure,
                LongNumbers.Recording body) {
            if (LongNumbers.causedIt(failure)) {
                LongNumbers.fieldOf(body.bytes()).ifPresent(field -> {
                    JsonRefusal refusal = JsonRefusal.of(failure);
                    throw Problems.invalid(field, "body", refusal.message(), "The request body cannot be read: "
                            + field + " " + refusal.message());
                });
            }
            return failure;
        }
    }

    static Response problem(JsonProcessingException e) {
        JsonRefusal refusal = JsonRefusal.of(e);
        return Problems.invalid(refusal.field(), "body", refusal.message(), refusal.detail()).toResponse();
    }
}

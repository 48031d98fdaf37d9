package dev.funnel.web;

import dev.funnel.web.csv.CsvRequests;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every request body of the platform is JSON in UTF-8 (RFC 8259 allows no other encoding between systems), and a
 * body that does not say so is refused with 415 instead of being guessed at: without a {@code Content-Type}
 * Quarkus REST would read it as JSON anyway, and Jackson would read UTF-16 and UTF-32 by sniffing the bytes. The
 * one other body is a spreadsheet ({@code text/csv}, UTF-8 too) where an endpoint takes one; sent anywhere else,
 * it gets the same 415 in words rather than JAX-RS's bare one.
 */
class JsonBodiesOnly {

    private static final int UNSUPPORTED_MEDIA_TYPE = 415;
    private static final String TITLE = "Unsupported Media Type";
    private static final MediaType TEXT_CSV = MediaType.valueOf(CsvRequests.TEXT_CSV);

    /** Before matching, where a resource's {@code @Consumes} would answer with a 415 naming nothing. */
    @ServerRequestFilter(preMatching = true)
    Optional<Response> refuseOtherMediaTypes(ContainerRequestContext request) {
        if (!hasBody(request)) {
            return Optional.empty();
        }
        MediaType type = request.getMediaType();
        if (type == null || !(type.isCompatible(MediaType.APPLICATION_JSON_TYPE) || type.isCompatible(TEXT_CSV))) {
            return Optional.of(refusal("must be application/json", "The request body must be JSON, sent with"
                    + " Content-Type: application/json, but was " + (type == null ? "not declared" : type))
                    .toResponse());
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !StandardCharsets.UTF_8.name().equalsIgnoreCase(charset)) {
            return Optional.of(refusal("must declare UTF-8 or no charset", "The request body must be JSON in"
                    + " UTF-8, but was declared " + charset).toResponse());
        }
        return Optional.empty();
    }

    /** A sheet sent to an endpoint that takes JSON only: the resource's {@code @Consumes} refused it. */
    @ServerExceptionMapper
    Response refuseSheetWhereJsonIsTaken(NotSupportedException refused) {
        return refusal("must be application/json", "The request body must be JSON, sent with Content-Type:"
                + " application/json; this endpoint takes no other").toResponse();
    }

    /** From the headers: before matching, the body has not been looked at yet. */
    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return request.getHeaderString("Transfer-Encoding") != null;
        }
        return !"0".equals(length.strip());
    }

    private static HttpProblem refusal(String message, String detail) {
        return Problems.of(UNSUPPORTED_MEDIA_TYPE, TITLE, detail)
                .with("violations", List.of(Problems.violation("Content-Type", "header", message)))
                .build();
    }

    /**
     * JSON text starts with an ASCII character, which UTF-16 and UTF-32 write with a zero byte beside it; UTF-8 never
     * has a zero byte there (a NUL is no JSON). The bytes read are put back for the parser.
     */
    @Provider
    static class Utf8Only implements ReaderInterceptor {

        private static final int SNIFFED_BYTES = 4;

        @Override
        public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
            PushbackInputStream body = new PushbackInputStream(context.getInputStream(), SNIFFED_BYTES);
            byte[] start = body.readNBytes(SNIFFED_BYTES);
            body.unread(start);
            context.setInputStream(body);
            if (!isUtf8Start(start)) {
                throw refusal("must declare UTF-8 or no charset", "The request body must be JSON in UTF-8, but it"
                        + " is written in UTF-16 or UTF-32");
            }
            return context.proceed();
        }

        private static boolean isUtf8Start(byte[] start) {
            if (start.length >= 2 && ((start[0] == (byte) 0xFE && start[1] == (byte) 0xFF)
                    || (start[0] == (byte) 0xFF && start[1] == (byte) 0xFE))) {
                return false; // a UTF-16 or UTF-32 byte order mark
            }
            for (byte b : start) {
                if (b == 0) {
                    return false;
                }
            }
            return true;
        }
    }
}

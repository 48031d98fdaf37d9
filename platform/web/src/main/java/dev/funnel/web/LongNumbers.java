package dev.funnel.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Names the field of a number with more digits than Jackson reads ({@link StreamReadConstraints}, 1,000 by default,
 * against the superlinear cost of a huge number). Jackson refuses such a number before its field is known to the
 * binding, so its refusal names the enclosing object ({@code body}, {@code activities[0]}); this reads the body a
 * second time, only on that failure path, with a tokenizer that takes any length and converts nothing, and finds
 * the first number over the limit.
 */
final class LongNumbers {

    private static final JsonFactory TOKENIZER = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(Integer.MAX_VALUE).build())
            .build();

    private LongNumbers() {
    }

    /** @return whether Jackson refused the body for a value beyond its limits */
    static boolean causedIt(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamConstraintsException) {
                return true;
            }
        }
        return false;
    }

    /** The path of the first number longer than Jackson's default limit in the body, if there is one. */
    static Optional<String> fieldOf(byte[] body) {
        int limit = StreamReadConstraints.defaults().getMaxNumberLength();
        try (JsonParser parser = TOKENIZER.createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token.isNumeric() && parser.getTextLength() > limit) {
                    return Optional.of(JsonRefusal.fieldPath(parser.getParsingContext()));
                }
            }
        } catch (IOException e) {
            // Broken further on: the first refusal stands as it is.
        }
        return Optional.empty();
    }

    /** Keeps what the body's reader took, so that the failure path can look at it again. */
    static final class Recording extends FilterInputStream {

        private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

        Recording(InputStream body) {
            super(body);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                copy.write(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                copy.write(buffer, offset, read);
            }
            return read;
        }

        byte[] bytes() {
            return copy.toByteArray();
        }
    }
}

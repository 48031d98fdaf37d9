package dev.funnel.analytics;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.funnel.testing.FunnelTestResources;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The service reads JSON by the platform's rules like every other (platform/web), although its API takes no body
 * today: the first endpoint that takes one must not quietly coerce.
 */
@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class StrictJsonReadingTest {

    record Sample(int minutes, Instant at) {
    }

    @Inject
    ObjectMapper mapper;

    @Test
    void theServicesMapperCoercesNothing() {
        assertThatThrownBy(() -> mapper.readValue("{\"minutes\":1.5}", Sample.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"at\":1767605400}", Sample.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"at\":\"2026-01-05T09:30:00.123456789Z\"}", Sample.class))
                .isInstanceOf(MismatchedInputException.class);
    }
}

package dev.funnel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.validator.BeanValidationConfigValidator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.Map;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/** {@code funnel.web.*} read and validated as Quarkus does at startup, by SmallRye Config and Hibernate Validator. */
class WebConfigTest {

    @Test
    void theDefaultsBoundRequestsAndAskForARetryAfterASecond() {
        WebConfig config = read(Map.of());

        assertThat(config.maxRequestsInFlight()).isEqualTo(256);
        assertThat(WebConfig.retryAfterSeconds(config.shedRetryAfter())).isEqualTo(1);
        assertThat(WebConfig.retryAfterSeconds(config.unavailableRetryAfter())).isEqualTo(5);
    }

    @Test
    void aBoundBelowOneIsRefusedAtStartupNamingTheKey() {
        for (String bound : new String[] {"0", "-1"}) {
            assertThatThrownBy(() -> read(Map.of("funnel.web.max-requests-in-flight", bound)))
                    .isInstanceOf(ConfigValidationException.class)
                    .hasMessageContaining("funnel.web.max-requests-in-flight must be at least 1");
        }
    }

    @Test
    void aRetryAfterBelowASecondIsSentAsOneSecond() {
        assertThat(WebConfig.retryAfterSeconds(read(Map.of("funnel.web.shed-retry-after", "PT0.2S"))
                .shedRetryAfter())).isEqualTo(1);
    }

    private static WebConfig read(Map<String, String> properties) {
        Validator validator = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory().getValidator();
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test"))
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(WebConfig.class)
                .withValidator((BeanValidationConfigValidator) () -> validator)
                .build();
        return config.getConfigMapping(WebConfig.class);
    }
}

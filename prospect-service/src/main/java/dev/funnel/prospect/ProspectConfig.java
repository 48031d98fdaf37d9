package dev.funnel.prospect;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Pattern;

/** Settings of prospect-service, overridable by environment variables ({@code FUNNEL_PROSPECT_...}). */
@ConfigMapping(prefix = "funnel.prospect")
public interface ProspectConfig {

    /** Currency of an estimated value given without one. */
    @WithDefault("USD")
    @Pattern(regexp = "[A-Z]{3}")
    String defaultCurrency();

    /**
     * How often the open-prospects gauge is read from the database, in the scheduler's syntax ({@code 15s}).
     * Read by {@code ProspectMetrics} through its {@code @Scheduled} expression.
     */
    @WithDefault("15s")
    String openGaugeRefresh();
}

package dev.funnel.activity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Pattern;

/** Settings of activity-service, overridable by environment variables ({@code FUNNEL_ACTIVITY_...}). */
@ConfigMapping(prefix = "funnel.activity")
public interface ActivityConfig {

    /** Currency of an activity's cost when the client gives none. */
    @WithDefault("USD")
    @Pattern(regexp = "[A-Z]{3}")
    String defaultCurrency();
}

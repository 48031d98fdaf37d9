package dev.funnel.analytics.api;

import dev.funnel.analytics.insights.SproutLags;
import dev.funnel.analytics.insights.SproutLags.TypicalLag;
import java.time.LocalDate;
import java.util.List;

/** {@code GET /insights/sprout-lag}: the day asked about, the typical lag, and every technique's lag. */
public record SproutLagResponse(LocalDate asOf, TypicalLag typicalLag, List<SproutLags.Technique> techniques) {

    static SproutLagResponse of(SproutLags lags) {
        return new SproutLagResponse(lags.asOf(), lags.typicalLag(), lags.techniques());
    }
}

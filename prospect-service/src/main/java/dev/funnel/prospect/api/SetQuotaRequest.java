package dev.funnel.prospect.api;

import dev.funnel.events.SalesQuotaSet;
import dev.funnel.prospect.domain.QuotaTargets;
import dev.funnel.web.CurrencyCode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * A seller's targets for a month as a manager sets them: customers to win, won value in one currency, or both.
 * Whatever is left out is not part of the quota; the whole quota is replaced, not merged.
 */
@QuotaTargetsComplete
public record SetQuotaRequest(
        @Min(1) @Max(SalesQuotaSet.MAX_CUSTOMERS_TARGET) Integer customersTarget,
        @Min(1) Long valueTargetMinor,
        @CurrencyCode String currency) {

    QuotaTargets targets() {
        return new QuotaTargets(customersTarget, valueTargetMinor, currency);
    }
}

package dev.funnel.prospect.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.funnel.prospect.domain.QuotaTargets;
import dev.funnel.prospect.domain.SalesQuota;
import java.time.Instant;

/** A seller's quota for a month; a target that is not part of it is left out. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QuotaResponse(String owner, String month, Integer customersTarget, Long valueTargetMinor,
        String currency, String setBy, Instant setAt) {

    static QuotaResponse of(SalesQuota quota) {
        QuotaTargets targets = quota.targets();
        return new QuotaResponse(quota.owner(), quota.month().toString(), targets.customers(), targets.valueMinor(),
                targets.currency(), quota.setBy(), quota.setAt());
    }
}

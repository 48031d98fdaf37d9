package dev.funnel.activity.api;

import dev.funnel.events.ContractFormats;
import dev.funnel.web.CurrencyCode;
import dev.funnel.web.StorableText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One activity as a client sends it. {@code id} is optional: a client that chooses it can repeat the
 * request safely. {@code costMinor} defaults to 0 and {@code currency} to the service's default.
 */
public record ActivityRequest(
        UUID id,
        @NotNull @Pattern(regexp = ContractFormats.TECHNIQUE_SLUG, message = ContractFormats.TECHNIQUE_SLUG_RULE)
        String technique,
        @NotNull @PlausiblePerformedOn LocalDate performedOn,
        @NotNull @Min(0) @Max(1440) Integer minutesSpent,
        @Min(0) Long costMinor,
        @CurrencyCode String currency,
        @Size(max = 2000) @StorableText String notes) {
}

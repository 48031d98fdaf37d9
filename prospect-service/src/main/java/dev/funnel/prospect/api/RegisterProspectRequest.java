package dev.funnel.prospect.api;

import dev.funnel.events.ContractFormats;
import dev.funnel.events.ProspectSource;
import dev.funnel.web.CurrencyCode;
import dev.funnel.web.StorableText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/**
 * A prospect as a client registers it. Name, company, e-mail and phone are personal data: stored here,
 * never published. {@code technique} is required for MARKETING prospects and refused for SALES ones.
 */
@TechniqueMatchesSource
public record RegisterProspectRequest(
        UUID id,
        @NotBlank @Size(max = 120) @StorableText String displayName,
        @Size(min = 1, max = 200) @StorableText String company,
        @Email @Size(max = 254) @StorableText String email,
        @Pattern(regexp = "[+0-9 ()./-]{3,40}", message = "must be 3 to 40 digits, spaces and + ( ) . / -")
        String phone,
        @NotNull ProspectSource source,
        @Pattern(regexp = ContractFormats.TECHNIQUE_SLUG, message = ContractFormats.TECHNIQUE_SLUG_RULE)
        String technique,
        @NotNull @Pattern(regexp = ContractFormats.OWNER, message = ContractFormats.OWNER_RULE) String owner,
        @Min(0) Long estimatedValueMinor,
        @CurrencyCode String currency,
        Instant foundAt) {
}

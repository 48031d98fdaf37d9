package dev.funnel.prospect.api;

import dev.funnel.events.ProspectSource;
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
        @NotBlank @Size(max = 120) @PlainText String displayName,
        @Size(min = 1, max = 200) @PlainText String company,
        @Email @Size(max = 254) @PlainText String email,
        @Pattern(regexp = "[+0-9 ()./-]{3,40}", message = "must be 3 to 40 digits, spaces and + ( ) . / -")
        String phone,
        @NotNull ProspectSource source,
        @Pattern(regexp = "[a-z0-9-]{2,40}", message = "must be 2 to 40 of a-z, 0-9 and -") String technique,
        @NotNull @Pattern(regexp = "[a-z0-9._-]{1,40}", message = "must be 1 to 40 of a-z, 0-9 and . _ -")
        String owner,
        @Min(0) Long estimatedValueMinor,
        @CurrencyCode String currency,
        Instant foundAt) {
}

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
 * never published, and optional but for the name: left out or null, never empty or blank. {@code technique} is
 * required for MARKETING prospects and refused for SALES ones. {@code owner} left out: the registering seller's
 * name (a manager must name the seller; {@code Prospects} decides, since it depends on who calls).
 */
@TechniqueMatchesSource
public record RegisterProspectRequest(
        UUID id,
        @NotBlank @Size(max = 120) @StorableText String displayName,
        @Size(max = 200) @Pattern(regexp = NOT_BLANK, message = BLANK) @StorableText String company,
        @Email @Size(max = 254) @Pattern(regexp = NOT_BLANK, message = BLANK) @StorableText String email,
        @Pattern(regexp = "(?=.*[0-9])[+0-9 ()./-]{3,40}",
                message = "must be 3 to 40 digits, spaces and + ( ) . / -, with at least one digit")
        String phone,
        @NotNull ProspectSource source,
        @Pattern(regexp = ContractFormats.TECHNIQUE_SLUG, message = ContractFormats.TECHNIQUE_SLUG_RULE)
        String technique,
        @Pattern(regexp = ContractFormats.OWNER, message = ContractFormats.OWNER_RULE) String owner,
        @Min(0) Long estimatedValueMinor,
        @CurrencyCode String currency,
        Instant foundAt) {

    /**
     * An optional text is left out (or null) when there is none: "" or spaces would be stored as a company or an
     * e-mail address that is none ({@code @Email} takes ""). Unicode-aware, so a no-break space is blank too.
     */
    static final String NOT_BLANK = "(?sU).*\\S.*";
    static final String BLANK = "must not be empty or blank; leave the field out when there is none";
}

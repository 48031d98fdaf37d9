package dev.funnel.prospect.api;

import dev.funnel.events.LostReason;
import dev.funnel.events.ProspectSource;
import dev.funnel.prospect.domain.Prospect;
import dev.funnel.prospect.domain.Stage;
import java.time.Instant;
import java.util.UUID;

public record ProspectResponse(
        UUID id,
        String displayName,
        String company,
        String email,
        String phone,
        Instant personalDataErasedAt,
        ProspectSource source,
        String technique,
        String owner,
        long estimatedValueMinor,
        String currency,
        Stage stage,
        Instant foundAt,
        Instant contactedAt,
        String contactedBy,
        Instant wonAt,
        Long wonValueMinor,
        String wonCurrency,
        Instant lostAt,
        LostReason lostReason) {

    static ProspectResponse of(Prospect p) {
        return new ProspectResponse(p.id(), p.displayName(), p.company(), p.email(), p.phone(),
                p.personalDataErasedAt(), p.source(), p.technique(), p.owner(), p.estimatedValueMinor(),
                p.currency(), p.stage(), p.foundAt(), p.contactedAt(), p.contactedBy(), p.wonAt(),
                p.wonValueMinor(), p.wonCurrency(), p.lostAt(), p.lostReason());
    }
}

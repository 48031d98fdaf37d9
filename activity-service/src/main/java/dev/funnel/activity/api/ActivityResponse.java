package dev.funnel.activity.api;

import dev.funnel.activity.domain.Activity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record ActivityResponse(
        UUID id,
        String technique,
        LocalDate performedOn,
        int minutesSpent,
        long costMinor,
        String currency,
        String notes,
        Instant loggedAt) {

    static ActivityResponse of(Activity activity) {
        return new ActivityResponse(activity.id(), activity.technique(), activity.performedOn(),
                activity.minutesSpent(), activity.costMinor(), activity.currency(), activity.notes(),
                activity.loggedAt());
    }
}

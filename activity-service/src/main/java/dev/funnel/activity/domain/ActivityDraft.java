package dev.funnel.activity.domain;

import java.time.LocalDate;

/** An activity as a client described it, already validated and with defaults applied. */
public record ActivityDraft(
        String technique,
        LocalDate performedOn,
        int minutesSpent,
        long costMinor,
        String currency,
        String notes) {
}

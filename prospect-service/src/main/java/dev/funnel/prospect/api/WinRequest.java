package dev.funnel.prospect.api;

import dev.funnel.web.CurrencyCode;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** The prospect bought: for how much (currency defaults to the prospect's), and when (default now). */
public record WinRequest(@NotNull @Min(1) Long valueMinor, @CurrencyCode String currency, Instant at) {
}

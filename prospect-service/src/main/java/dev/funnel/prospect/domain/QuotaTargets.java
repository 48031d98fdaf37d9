package dev.funnel.prospect.domain;

/**
 * What a seller is to reach in a month: customers won, won value in one currency, or both. A part left out is
 * {@code null}; at least one is there, and a value comes with its currency (the request checks both).
 *
 * @param customers customers to win, 1 or more, or null
 * @param valueMinor won value in minor units of {@code currency}, 1 or more, or null
 * @param currency ISO 4217 code of {@code valueMinor}, present if and only if it is
 */
public record QuotaTargets(Integer customers, Long valueMinor, String currency) {
}

package dev.funnel.events;

import java.time.Instant;
import java.time.YearMonth;

/**
 * A manager set a seller's quota for a calendar month: how many customers to win, how much to win in one currency,
 * or both. A later event for the same owner and month replaces the earlier one, whole.
 *
 * <p>Topic {@link Topics#SALES_QUOTAS}, key = owner, so one seller's quotas stay in order.
 *
 * @param owner the seller the quota is for: {@code [a-z0-9._-]{1,40}}
 * @param month the calendar month, written {@code YYYY-MM}
 * @param customersTarget customers to win in the month, 1 or more; {@code null} (absent) when the quota is only a
 *     value
 * @param valueTargetMinor won value to reach in the month, in minor units of {@code currency}, 1 or more;
 *     {@code null} (absent) when the quota is only a number of customers
 * @param currency ISO 4217 code of {@code valueTargetMinor}: present if and only if it is
 * @param setBy the manager who set it (the identity provider's user name)
 * @param setAt when it was set
 */
public record SalesQuotaSet(
        String owner,
        YearMonth month,
        Integer customersTarget,
        Long valueTargetMinor,
        String currency,
        String setBy,
        Instant setAt) implements FunnelEvent {

    /** The longest user name {@code setBy} keeps, in code points. */
    public static final int MAX_SET_BY_LENGTH = 120;

    /** A month's quota of customers no small business reaches; larger is a typo. */
    public static final int MAX_CUSTOMERS_TARGET = 1_000_000;

    /** @throws EventContractException if a field breaks the contract */
    public SalesQuotaSet {
        Contract.require("owner", owner, Contract.OWNER);
        Contract.require("month", month);
        Contract.requireBetween("month", month.getYear(), 2000, 9999);
        if (customersTarget != null) {
            Contract.requireBetween("customersTarget", customersTarget, 1, MAX_CUSTOMERS_TARGET);
        }
        if (valueTargetMinor != null) {
            Contract.requireAtLeast("valueTargetMinor", valueTargetMinor, 1);
            Contract.require("currency", currency, Contract.CURRENCY);
        } else if (currency != null) {
            // A currency names the value it is the unit of: what is missing is the value.
            throw new EventContractException("valueTargetMinor",
                    "valueTargetMinor: is required when currency is present");
        } else if (customersTarget == null) {
            throw new EventContractException("customersTarget",
                    "customersTarget: is required when valueTargetMinor is absent: a quota has a target");
        }
        Contract.requireLength("setBy", setBy, 1, MAX_SET_BY_LENGTH);
        Contract.require("setAt", setAt);
    }

    @Override
    public String partitionKey() {
        return owner;
    }

    @Override
    public Instant occurredAt() {
        return setAt;
    }
}

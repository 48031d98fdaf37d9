package dev.funnel.analytics.quota;

import java.util.List;

/**
 * The quotas of a month as of a day.
 *
 * @param progress how far the month is
 * @param sellers each seller with a quota in the month, by name
 */
public record QuotaReport(MonthProgress progress, List<SellerQuota> sellers) {
}

package dev.funnel.analytics.forecast;

/**
 * Wilson's score interval for a share of successes: unlike p +- z * sqrt(p(1-p)/n) it stays within [0, 1] and does
 * not shrink to a point when every reference was won, or none was, which is what happens with a handful of them.
 */
final class Wilson {

    /** The standard normal's 95% quantile: a two-sided 90% interval, the same level as the customers' one. */
    static final double Z = 1.6448536269514722;

    private Wilson() {
    }

    static double lower(long successes, long trials) {
        return bound(successes, trials, -1);
    }

    static double upper(long successes, long trials) {
        return bound(successes, trials, 1);
    }

    private static double bound(long successes, long trials, int sign) {
        double n = trials;
        double p = successes / n;
        double z2 = Z * Z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return Math.min(1, Math.max(0, centre + sign * half));
    }
}

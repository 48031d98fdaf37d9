package dev.funnel.analytics.insights;

/** Where a marketing technique stands as of a day; every technique has exactly one. */
public enum TechniqueStatus {
    /**
     * Quiet for three periods after being worked for less than the typical sprout lag, without a single prospect:
     * the gardener who gave up just before the sprouts.
     */
    ABANDONED_EARLY,
    /** Quiet for three periods otherwise: it had brought prospects, or it had been worked past the typical lag. */
    ABANDONED,
    /** Worked and bringing prospects. */
    GROWING,
    /** Worked, no prospect yet. */
    SEEDING;

    /**
     * @param quiet no activity in the last three complete periods nor in the running one
     * @param prospects prospects the technique brought so far
     * @param activeForDays days from its first to its last activity
     * @param typicalLagDays the typical sprout lag
     */
    static TechniqueStatus of(boolean quiet, long prospects, long activeForDays, long typicalLagDays) {
        if (quiet) {
            return prospects == 0 && activeForDays < typicalLagDays ? ABANDONED_EARLY : ABANDONED;
        }
        return prospects > 0 ? GROWING : SEEDING;
    }
}

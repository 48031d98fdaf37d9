package dev.funnel.analytics.funnel;

/** What a breakdown groups the cohort by; the name in lower case is the value of {@code by}. */
public enum Grouping {
    /** {@code MARKETING} and {@code SALES}, always both. */
    SOURCE,
    /** The technique that brought the prospect; hunted prospects have none (group null). */
    TECHNIQUE,
    /** The seller who owns the prospect. */
    OWNER,
    /** The ISO week of {@code foundAt} (UTC), for example {@code 2026-W05}; effort by the ISO week of its day. */
    WEEK
}

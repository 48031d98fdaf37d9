package dev.funnel.events;

/** What a prospect objected to: where the gap is that a bridge has to close. */
public enum ObjectionCategory {
    /** Too expensive, or not worth the money. */
    PRICE,
    /** Not now. */
    TIMING,
    /** Does not see the need. */
    NEED,
    /** Does not trust the seller or the product yet. */
    TRUST,
    /** Cannot decide alone. */
    AUTHORITY,
    /** Prefers a competitor. */
    COMPETITOR,
    /** Anything else. */
    OTHER
}

package dev.funnel.events;

/**
 * Why a prospect was lost: one of the objection categories, or one of two reasons no objection can express.
 *
 * <p>The first seven constants have the same names as {@link ObjectionCategory}, so a loss can be traced back to
 * the objection that caused it.
 */
public enum LostReason {
    /** See {@link ObjectionCategory#PRICE}. */
    PRICE,
    /** See {@link ObjectionCategory#TIMING}. */
    TIMING,
    /** See {@link ObjectionCategory#NEED}. */
    NEED,
    /** See {@link ObjectionCategory#TRUST}. */
    TRUST,
    /** See {@link ObjectionCategory#AUTHORITY}. */
    AUTHORITY,
    /** See {@link ObjectionCategory#COMPETITOR}. */
    COMPETITOR,
    /** See {@link ObjectionCategory#OTHER}. */
    OTHER,
    /** The prospect kept talking but never decided. */
    NO_DECISION,
    /** The prospect stopped answering. */
    NO_RESPONSE;

    /**
     * @param category an objection category
     * @return the loss reason of the same name
     */
    public static LostReason of(ObjectionCategory category) {
        // An exhaustive switch rather than valueOf(name()): a new category fails the build until it has a reason.
        return switch (Contract.require("category", category)) {
            case PRICE -> PRICE;
            case TIMING -> TIMING;
            case NEED -> NEED;
            case TRUST -> TRUST;
            case AUTHORITY -> AUTHORITY;
            case COMPETITOR -> COMPETITOR;
            case OTHER -> OTHER;
        };
    }
}

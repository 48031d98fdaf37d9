package dev.funnel.events;

/** Where a prospect came from. */
public enum ProspectSource {
    /** Brought in by a marketing technique ("farming"); the event names the technique. */
    MARKETING,
    /** Found by a seller ("hunting"); no technique. */
    SALES
}

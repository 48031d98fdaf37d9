package dev.funnel.events;

/**
 * The CloudEvents {@code type} attribute ({@code ce_type} header) of each event: {@code dev.funnel.<EventName>.v1}.
 *
 * <p>Compile-time constants, so they can be used in annotations and {@code switch} labels.
 */
public final class CloudEventTypes {

    /** {@link MarketingTechniqueDefined}. */
    public static final String MARKETING_TECHNIQUE_DEFINED = "dev.funnel.MarketingTechniqueDefined.v1";
    /** {@link MarketingActivityLogged}. */
    public static final String MARKETING_ACTIVITY_LOGGED = "dev.funnel.MarketingActivityLogged.v1";
    /** {@link ProspectFound}. */
    public static final String PROSPECT_FOUND = "dev.funnel.ProspectFound.v1";
    /** {@link ProspectContacted}. */
    public static final String PROSPECT_CONTACTED = "dev.funnel.ProspectContacted.v1";
    /** {@link ProspectWon}. */
    public static final String PROSPECT_WON = "dev.funnel.ProspectWon.v1";
    /** {@link ProspectLost}. */
    public static final String PROSPECT_LOST = "dev.funnel.ProspectLost.v1";
    /** {@link ObjectionRaised}. */
    public static final String OBJECTION_RAISED = "dev.funnel.ObjectionRaised.v1";
    /** {@link ObjectionResolved}. */
    public static final String OBJECTION_RESOLVED = "dev.funnel.ObjectionResolved.v1";
    /** {@link SalesQuotaSet}. */
    public static final String SALES_QUOTA_SET = "dev.funnel.SalesQuotaSet.v1";

    private CloudEventTypes() {
    }
}

package dev.funnel.objection.domain;

import java.util.Locale;

/**
 * The playbook's grouping of bridges: the exact text after trimming and case folding, so "Offer a pilot"
 * and " offer a PILOT " count as one bridge while "offer a pilot." stays another.
 */
final class BridgeKey {

    private BridgeKey() {
    }

    /**
     * Upper then lower case approximates Unicode case folding, which Java has no method for: "STRASSE" and
     * "straße" both end as "strasse", and a final sigma as a plain one.
     */
    static String of(String bridge) {
        return bridge.strip().toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }
}

package dev.funnel.webapp.view;

import dev.funnel.webapp.client.ProspectApi.Prospect;
import java.util.ArrayList;
import java.util.List;

/**
 * The prospect page's prospect: its card, its path so far in words, and the steps it can take from its stage, the
 * same ones prospect-service allows (contact from FOUND; win or lose while open; objections while open), so the page
 * offers no step the service would refuse.
 */
public record ProspectDetail(ProspectCard card, String stage, String stageLabel, String email, String phone,
        List<String> path, boolean canContact, boolean canClose, String winValue) {

    public static ProspectDetail of(Prospect prospect) {
        List<String> path = new ArrayList<>();
        path.add("Found " + Words.day(prospect.foundAt()));
        if (prospect.contactedAt() != null) {
            path.add("Contacted " + Words.day(prospect.contactedAt())
                    + (prospect.contactedBy() == null ? "" : " by " + prospect.contactedBy()));
        }
        if (prospect.wonAt() != null) {
            path.add("Won " + Words.day(prospect.wonAt()) + (prospect.wonValueMinor() == null ? ""
                    : " for " + Money.words(prospect.wonValueMinor(), prospect.wonCurrency())));
        }
        if (prospect.lostAt() != null) {
            path.add("Lost " + Words.day(prospect.lostAt())
                    + (prospect.lostReason() == null ? "" : ": " + Words.label(prospect.lostReason())));
        }
        String winValue = prospect.estimatedValueMinor() > 0
                ? Money.typed(prospect.estimatedValueMinor(), prospect.currency()) : "";
        return new ProspectDetail(ProspectCard.of(prospect), prospect.stage(), Words.label(prospect.stage()),
                text(prospect.email()), text(prospect.phone()), List.copyOf(path), "FOUND".equals(prospect.stage()),
                prospect.open(), winValue);
    }

    /** Objections are taken while the prospect is open (objection-service refuses them once won or lost). */
    public boolean canObject() {
        return canClose;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}

package dev.funnel.webapp.view;

import dev.funnel.webapp.client.ProspectApi.Prospect;
import java.util.UUID;

/**
 * One prospect as the pipeline shows it on its card: who (or that their personal data was erased), from where
 * (hunted by a seller, or farmed by a technique), whose, and worth how much.
 */
public record ProspectCard(UUID id, String name, String company, String source, String sourceWords, String owner,
        String stage, long estimatedValueMinor, String currency, String estimatedValue, String foundOn) {

    public static ProspectCard of(Prospect prospect) {
        String name = prospect.displayName() != null ? prospect.displayName()
                : prospect.personalDataErasedAt() != null ? "Personal data erased" : "";
        return new ProspectCard(prospect.id(), name, prospect.company() == null ? "" : prospect.company(),
                prospect.source(), sourceWords(prospect.source(), prospect.technique()), prospect.owner(),
                prospect.stage(), prospect.estimatedValueMinor(), prospect.currency(),
                Money.words(prospect.estimatedValueMinor(), prospect.currency()), Words.day(prospect.foundAt()));
    }

    /** "Hunted" for a seller's find, "Farmed: daily-posts" for a technique's. */
    static String sourceWords(String source, String technique) {
        if ("SALES".equals(source)) {
            return "Hunted";
        }
        if ("MARKETING".equals(source)) {
            return technique == null ? "Farmed" : "Farmed: " + technique;
        }
        return Words.label(source);
    }

    public String path() {
        return "/pipeline/prospects/" + id;
    }
}

package dev.funnel.webapp.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.webapp.client.ObjectionApi.Bridge;
import dev.funnel.webapp.client.ObjectionApi.Objection;
import dev.funnel.webapp.client.ObjectionApi.Playbook;
import dev.funnel.webapp.client.ProspectApi.Prospect;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProspectDetailTest {

    private static final Instant FOUND = Instant.parse("2026-12-01T09:00:00Z");
    private static final Instant LATER = Instant.parse("2026-12-02T10:00:00Z");

    private static Prospect inStage(String stage) {
        return new Prospect(UUID.randomUUID(), "Ann", null, "ann@acme.test", null, null, "SALES", null, "sam", 150_000,
                "USD", stage, FOUND, "FOUND".equals(stage) ? null : LATER, "FOUND".equals(stage) ? null : "sam",
                "WON".equals(stage) ? LATER : null, "WON".equals(stage) ? 120_000L : null,
                "WON".equals(stage) ? "USD" : null, "LOST".equals(stage) ? LATER : null,
                "LOST".equals(stage) ? "NO_RESPONSE" : null);
    }

    @Test
    void theStepsOfferedAreThoseTheServiceAllowsFromTheStage() {
        ProspectDetail found = ProspectDetail.of(inStage("FOUND"));
        ProspectDetail contacted = ProspectDetail.of(inStage("CONTACTED"));
        ProspectDetail won = ProspectDetail.of(inStage("WON"));
        ProspectDetail lost = ProspectDetail.of(inStage("LOST"));

        assertThat(List.of(found.canContact(), found.canClose(), found.canObject())).containsOnly(true);
        assertThat(List.of(contacted.canContact(), contacted.canClose(), contacted.canObject()))
                .containsExactly(false, true, true);
        assertThat(List.of(won.canContact(), won.canClose(), won.canObject())).containsOnly(false);
        assertThat(List.of(lost.canContact(), lost.canClose(), lost.canObject())).containsOnly(false);
    }

    @Test
    void itsPathIsToldInWordsStepByStep() {
        assertThat(ProspectDetail.of(inStage("WON")).path()).containsExactly("Found 2026-12-01",
                "Contacted 2026-12-02 by sam", "Won 2026-12-02 for USD 1,200.00");
        assertThat(ProspectDetail.of(inStage("LOST")).path()).containsExactly("Found 2026-12-01",
                "Contacted 2026-12-02 by sam", "Lost 2026-12-02: No response");
    }

    @Test
    void theWinIsOfferedAtTheEstimateToConfirmOrChange() {
        assertThat(ProspectDetail.of(inStage("CONTACTED")).winValue()).isEqualTo("1500.00");
    }

    @Test
    void anOpenObjectionSuggestsThePlaybooksBridgesThatWonBestFirstAndAtMostThree() {
        Objection open = new Objection(UUID.randomUUID(), UUID.randomUUID(), "PRICE", "Too dear", FOUND, "OPEN", null,
                null);
        Playbook playbook = new Playbook("PRICE", List.of(bridge("Payment plan", 4), bridge("Pilot", 2),
                bridge("Smaller package", 1), bridge("Annual discount", 1), bridge("Never won", 0)));

        ObjectionItem item = ObjectionItem.of(open, playbook);

        assertThat(item.suggestions()).extracting(Bridge::bridge)
                .containsExactly("Payment plan", "Pilot", "Smaller package");
        assertThat(item.categoryLabel()).isEqualTo("Price");
        assertThat(item.formName()).isEqualTo("resolve-" + open.id());
    }

    @Test
    void aResolvedObjectionShowsItsBridgeAndSuggestsNothing() {
        Objection resolved = new Objection(UUID.randomUUID(), UUID.randomUUID(), "TIMING", "Not now", FOUND,
                "RESOLVED", "Start next month", LATER);

        ObjectionItem item = ObjectionItem.of(resolved, null);

        assertThat(item.open()).isFalse();
        assertThat(item.bridge()).isEqualTo("Start next month");
        assertThat(item.resolvedOn()).isEqualTo("2026-12-02");
        assertThat(item.suggestions()).isEmpty();
        assertThat(ObjectionItem.winners(new Playbook("NEED", List.of(bridge("Never won", 0))))).isEmpty();
    }

    @Test
    void aRefusalBelongsToItsFormOnlyWithWhatWasTypedThere() {
        FormRefusal refusal = new FormRefusal("win", Map.of("value", "abc"),
                new FormErrors("Please correct the marked field", Map.of("value", "must be an amount",
                        "at", "must not be in the future")));

        assertThat(refusal.typed("win", "value", "1500.00")).isEqualTo("abc");
        assertThat(refusal.typed("lose", "reason", "")).isEmpty();
        assertThat(refusal.errorsOf("win").of("value")).isEqualTo("must be an amount");
        assertThat(refusal.errorsOf("lose").any()).isFalse();
        assertThat(refusal.otherErrors("win")).containsExactly("at: must not be in the future");
        assertThat(FormRefusal.NONE.errorsOf("win").any()).isFalse();
    }

    private static Bridge bridge(String text, long won) {
        return new Bridge(text, won + 1, won, LATER);
    }
}

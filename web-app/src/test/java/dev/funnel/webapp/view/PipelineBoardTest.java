package dev.funnel.webapp.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.webapp.client.ProspectApi.Prospect;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PipelineBoardTest {

    static Prospect prospect(String name, String stage, String source, String technique) {
        return new Prospect(UUID.randomUUID(), name, "Acme", null, null, null, source, technique, "sam", 150_000,
                "USD", stage, Instant.parse("2026-12-01T09:00:00Z"), null, null, null, null, null, null, null);
    }

    @Test
    void everyStageHasItsColumnInPathOrderWithItsProspectsInTheApisOrder() {
        Prospect newest = prospect("Newest", "FOUND", "SALES", null);
        Prospect older = prospect("Older", "FOUND", "SALES", null);
        Prospect won = prospect("Won", "WON", "MARKETING", "daily-posts");

        PipelineBoard board = PipelineBoard.of(List.of(newest, won, older));

        assertThat(board.columns()).extracting(PipelineBoard.Column::stage)
                .containsExactly("FOUND", "CONTACTED", "WON", "LOST");
        assertThat(board.columns()).extracting(PipelineBoard.Column::label)
                .containsExactly("Found", "Contacted", "Won", "Lost");
        assertThat(board.columns().get(0).cards()).extracting(ProspectCard::name).containsExactly("Newest", "Older");
        assertThat(board.columns().get(1).count()).isZero();
        assertThat(board.columns().get(2).cards()).extracting(ProspectCard::name).containsExactly("Won");
        assertThat(board.total()).isEqualTo(3);
    }

    @Test
    void aStageTheServiceAddsLaterGetsAColumnAtTheEnd() {
        PipelineBoard board = PipelineBoard.of(List.of(prospect("Paused", "ON_HOLD", "SALES", null)));

        assertThat(board.columns()).extracting(PipelineBoard.Column::stage)
                .containsExactly("FOUND", "CONTACTED", "WON", "LOST", "ON_HOLD");
        assertThat(board.columns().get(4).label()).isEqualTo("On hold");
    }

    @Test
    void aCardSaysWhereTheProspectCameFromWhoseItIsAndItsWorth() {
        ProspectCard hunted = ProspectCard.of(prospect("Ann", "FOUND", "SALES", null));
        ProspectCard farmed = ProspectCard.of(prospect("Bo", "FOUND", "MARKETING", "daily-posts"));

        assertThat(hunted.sourceWords()).isEqualTo("Hunted");
        assertThat(farmed.sourceWords()).isEqualTo("Farmed: daily-posts");
        assertThat(hunted.owner()).isEqualTo("sam");
        assertThat(hunted.estimatedValue()).isEqualTo("USD 1,500.00");
        assertThat(hunted.foundOn()).isEqualTo("2026-12-01");
        assertThat(hunted.path()).isEqualTo("/pipeline/prospects/" + hunted.id());
    }

    @Test
    void aProspectWhosePersonalDataWasErasedIsSaidSo() {
        Prospect erased = new Prospect(UUID.randomUUID(), null, null, null, null, Instant.now(), "SALES", null, "sam",
                0, "USD", "LOST", Instant.now(), null, null, null, null, null, Instant.now(), "PRICE");

        assertThat(ProspectCard.of(erased).name()).isEqualTo("Personal data erased");
        assertThat(ProspectCard.of(erased).company()).isEmpty();
    }
}

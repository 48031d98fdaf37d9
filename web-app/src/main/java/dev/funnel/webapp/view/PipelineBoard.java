package dev.funnel.webapp.view;

import dev.funnel.webapp.client.ProspectApi;
import dev.funnel.webapp.client.ProspectApi.Prospect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pipeline: a column per stage, in the order a prospect goes through them (found, contacted, won, lost), each
 * with its prospects in the order the API listed them (newest first). Every stage has its column, empty or not, so
 * the board reads the same every day; a stage the service adds later gets a column of its own at the end.
 */
public record PipelineBoard(List<Column> columns, int total) {

    public record Column(String stage, String label, List<ProspectCard> cards) {

        public int count() {
            return cards.size();
        }
    }

    public static PipelineBoard of(List<Prospect> prospects) {
        Map<String, List<ProspectCard>> byStage = new LinkedHashMap<>();
        ProspectApi.STAGES.forEach(stage -> byStage.put(stage, new ArrayList<>()));
        for (Prospect prospect : prospects) {
            byStage.computeIfAbsent(prospect.stage(), stage -> new ArrayList<>()).add(ProspectCard.of(prospect));
        }
        List<Column> columns = byStage.entrySet().stream()
                .map(stage -> new Column(stage.getKey(), Words.label(stage.getKey()), List.copyOf(stage.getValue())))
                .toList();
        return new PipelineBoard(columns, prospects.size());
    }
}

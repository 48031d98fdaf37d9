package dev.funnel.analytics.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How long a group of prospects spent in each stage, as of a moment: only the steps taken by then count.
 *
 * @param foundToContacted found to first contacted, of the contacted
 * @param contactedToDecided first contacted to won or lost, of the contacted who were decided: how long the stage
 *     CONTACTED lasts, whatever its end
 * @param contactedToWon the same, of the won only
 * @param contactedToLost the same, of the lost only
 * @param window the prospects won within the conversion window of being found
 */
public record StageTimes(Durations foundToContacted, Durations contactedToDecided, Durations contactedToWon,
        Durations contactedToLost, ConversionWindow window) {

    static StageTimes of(List<ProspectPath> prospects, Instant moment, int windowDays) {
        List<Double> toContacted = new ArrayList<>();
        List<Double> toDecided = new ArrayList<>();
        List<Double> toWon = new ArrayList<>();
        List<Double> toLost = new ArrayList<>();
        long wonWithin = 0;
        for (ProspectPath prospect : prospects) {
            if (prospect.wonBy(moment)
                    && ProspectPath.days(prospect.foundAt(), prospect.wonAt()) <= windowDays) {
                wonWithin++;
            }
            if (!prospect.contactedBy(moment)) {
                continue;
            }
            toContacted.add(ProspectPath.days(prospect.foundAt(), prospect.contactedAt()));
            Instant decided = prospect.decidedAt(moment);
            if (decided != null) {
                double days = ProspectPath.days(prospect.contactedAt(), decided);
                toDecided.add(days);
                (prospect.wonBy(moment) ? toWon : toLost).add(days);
            }
        }
        long found = prospects.size();
        return new StageTimes(Durations.of(toContacted), Durations.of(toDecided), Durations.of(toWon),
                Durations.of(toLost), new ConversionWindow(windowDays, found, wonWithin,
                        found == 0 ? null : (double) wonWithin / found));
    }

    /**
     * @param days the window's length
     * @param found the prospects of the group
     * @param wonWithin of those, the ones won at most {@code days} days after being found
     * @param share wonWithin / found; null when none was found
     */
    public record ConversionWindow(int days, long found, long wonWithin, Double share) {
    }
}

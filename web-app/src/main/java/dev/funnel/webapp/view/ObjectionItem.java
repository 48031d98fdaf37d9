package dev.funnel.webapp.view;

import dev.funnel.webapp.client.ObjectionApi.Bridge;
import dev.funnel.webapp.client.ObjectionApi.Objection;
import dev.funnel.webapp.client.ObjectionApi.Playbook;
import java.util.List;
import java.util.UUID;

/**
 * One objection of a prospect: what they said and, while it is open, the bridges that won customers over the same
 * kind of objection before (the playbook's, best first), so the seller sees right there what to answer.
 *
 * @param suggestions the playbook's bridges of this category that won at least one customer, in its order (most
 *                    customers won first); empty once resolved
 */
public record ObjectionItem(UUID id, String category, String categoryLabel, String statement, String raisedOn,
        boolean open, String bridge, String resolvedOn, List<Bridge> suggestions) {

    /** How many bridges an open objection suggests: the best few, not the archive (that is the Playbook page). */
    public static final int SUGGESTIONS = 3;

    /** The name of its resolve form, as a refusal names it ({@link FormRefusal}). */
    public String formName() {
        return "resolve-" + id;
    }

    /** @param playbook the playbook of the objection's category, or null when it was not asked (resolved) */
    public static ObjectionItem of(Objection objection, Playbook playbook) {
        return new ObjectionItem(objection.id(), objection.category(), Words.label(objection.category()),
                objection.statement(), Words.day(objection.raisedAt()), objection.open(), objection.bridge(),
                Words.day(objection.resolvedAt()), objection.open() ? winners(playbook) : List.of());
    }

    /** The bridges of a playbook that won customers, best first, at most {@value #SUGGESTIONS}. */
    public static List<Bridge> winners(Playbook playbook) {
        if (playbook == null) {
            return List.of();
        }
        return playbook.bridges().stream().filter(bridge -> bridge.prospectsWon() > 0).limit(SUGGESTIONS).toList();
    }
}

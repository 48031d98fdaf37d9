package dev.funnel.webapp.view;

import dev.funnel.webapp.client.ApiProblem;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a refused form shows: the problem in words above the form, and each invalid field's message next to the
 * input of that name ({@code <p class="field-error" id="error-minutesSpent">}). A form's inputs are named like the
 * API's fields, so a violation finds its input without a table of names.
 */
public record FormErrors(String summary, Map<String, String> fields) {

    public static final FormErrors NONE = new FormErrors(null, Map.of());

    public static FormErrors of(ApiProblem problem) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (ApiProblem.Violation violation : problem.violations()) {
            fields.merge(violation.field(), violation.message(), (first, next) -> first + "; " + next);
        }
        return new FormErrors(problem.inWords(), fields);
    }

    /** An error the page found itself before calling anything (an amount that is no number, say). */
    public static FormErrors field(String field, String message) {
        return new FormErrors("Please correct the marked field", Map.of(field, message));
    }

    public boolean any() {
        return summary != null;
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    public String of(String field) {
        return fields.getOrDefault(field, "");
    }
}

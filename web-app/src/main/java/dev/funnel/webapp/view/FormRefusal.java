package dev.funnel.webapp.view;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which of a page's forms was refused, what was typed in it and why: the page is shown again with that form
 * holding the person's input and the messages next to its inputs, every other form as it was.
 *
 * @param form the refused form's name ({@code win}, {@code raise}, {@code resolve-<objection id>}), or null
 */
public record FormRefusal(String form, Map<String, String> typed, FormErrors errors) {

    /** The inputs the prospect page's forms have; a violation naming another field is shown above its form. */
    static final Set<String> INPUTS = Set.of("value", "reason", "category", "statement", "bridge");

    public static final FormRefusal NONE = new FormRefusal(null, Map.of(), FormErrors.NONE);

    public boolean on(String name) {
        return name.equals(form);
    }

    /** What was typed in the refused form's input, or {@code fallback} for every other form. */
    public String typed(String name, String input, String fallback) {
        return on(name) ? typed.getOrDefault(input, fallback) : fallback;
    }

    /** The refused form's errors; none for every other form. */
    public FormErrors errorsOf(String name) {
        return on(name) ? errors : FormErrors.NONE;
    }

    /** The refused form's violations of fields it has no input for, with their names: "prospectId: is not …". */
    public List<String> otherErrors(String name) {
        return errorsOf(name).fields().entrySet().stream().filter(field -> !INPUTS.contains(field.getKey()))
                .map(field -> field.getKey() + ": " + field.getValue()).toList();
    }
}

package dev.funnel.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares a released JSON Schema (the baseline) with its current version and names every change, each allowed or
 * refused. A change is allowed when every payload the baseline accepted is still accepted, so records already on a
 * topic stay readable (a relaxed bound, a removed {@code required} entry, an added enum value, permissive
 * {@code additionalProperties}), and for the one addition the contract promises: a new optional property.
 * Everything else is refused, and so is any change this class cannot prove harmless (a changed {@code pattern},
 * {@code if}/{@code then}, {@code $ref}...): it errs on the side of a new version.
 *
 * <p>Written here because no library the build may use does it: the compatibility checks of the schema registries
 * (Confluent's {@code SchemaDiff}, Apicurio's {@code JsonSchemaDiffLibrary}) are not on Maven Central or not served
 * here, and they read draft-07 through everit, not the draft 2020-12 of these schemas; the networknt validator the
 * tests already use validates payloads, it does not compare schemas. The schemas use few keywords, and an unknown
 * keyword is compared for equality, so this stays small.
 */
final class SchemaEvolution {

    /** One difference between the baseline and the current schema. */
    record Change(String pointer, String what, boolean allowed) {
        @Override
        public String toString() {
            return (pointer.isEmpty() ? "/" : pointer) + ": " + what;
        }
    }

    /** Say nothing about what a payload may be: rewording them changes no payload's validity. */
    private static final Set<String> ANNOTATIONS = Set.of("title", "description", "$comment", "examples", "default",
            "deprecated", "readOnly", "writeOnly");
    private static final Set<String> UPPER_BOUNDS = Set.of("maxLength", "maximum", "exclusiveMaximum", "maxItems",
            "maxProperties");
    private static final Set<String> LOWER_BOUNDS = Set.of("minLength", "minimum", "exclusiveMinimum", "minItems",
            "minProperties");
    /** Keywords that only restrict: dropping one widens; adding or changing one cannot be shown to keep old data. */
    private static final Set<String> RESTRICTIONS = Set.of("pattern", "format", "multipleOf", "const");

    private SchemaEvolution() {
    }

    /**
     * @param baseline the schema as released
     * @param current the schema as it is now
     * @return every difference that can change which payloads are valid, in document order
     */
    static List<Change> compare(JsonNode baseline, JsonNode current) {
        List<Change> changes = new ArrayList<>();
        compareSchemas("", baseline, current, changes);
        return changes;
    }

    /** @return the changes among them that break the contract */
    static List<Change> refused(List<Change> changes) {
        return changes.stream().filter(change -> !change.allowed()).toList();
    }

    private static void compareSchemas(String pointer, JsonNode baseline, JsonNode current, List<Change> changes) {
        if (baseline.equals(current)) {
            return;
        }
        if (!baseline.isObject() || !current.isObject()) {
            // A boolean schema: true accepts anything, false nothing.
            boolean widened = current.equals(BooleanNode.TRUE) || baseline.equals(BooleanNode.FALSE);
            changes.add(new Change(pointer, "schema changed from " + baseline + " to " + current, widened));
            return;
        }
        Set<String> keywords = new LinkedHashSet<>();
        baseline.fieldNames().forEachRemaining(keywords::add);
        current.fieldNames().forEachRemaining(keywords::add);
        for (String keyword : keywords) {
            String at = pointer + "/" + escape(keyword);
            JsonNode before = baseline.get(keyword);
            JsonNode after = current.get(keyword);
            if (ANNOTATIONS.contains(keyword) || (before != null && before.equals(after))) {
                continue;
            }
            switch (keyword) {
                case "type" -> compareTypes(at, before, after, changes);
                case "properties" -> compareProperties(at, before, after, current, changes);
                case "required" -> compareRequired(at, before, after, changes);
                case "additionalProperties" -> compareAdditionalProperties(at, before, after, changes);
                case "enum" -> compareEnums(at, before, after, changes);
                default -> {
                    if (UPPER_BOUNDS.contains(keyword) || LOWER_BOUNDS.contains(keyword)) {
                        compareBounds(at, keyword, before, after, changes);
                    } else if (RESTRICTIONS.contains(keyword)) {
                        compareRestriction(at, keyword, before, after, changes);
                    } else {
                        changes.add(new Change(at, describe(keyword, before, after)
                                + "; this check cannot tell whether that keeps every released payload valid: keep it"
                                + " as released, or publish a new version", false));
                    }
                }
            }
        }
    }

    private static void compareTypes(String at, JsonNode before, JsonNode after, List<Change> changes) {
        if (after == null) {
            changes.add(new Change(at, "type " + before + " no longer restricted", true));
            return;
        }
        if (before == null) {
            changes.add(new Change(at, "type " + after + " added where any type was accepted", false));
            return;
        }
        Set<String> was = texts(before);
        Set<String> is = texts(after);
        if (is.contains("number")) {
            is.add("integer"); // every integer is a number
        }
        if (is.containsAll(was)) {
            changes.add(new Change(at, "type widened from " + before + " to " + after, true));
        } else {
            changes.add(new Change(at, "type changed from " + before + " to " + after, false));
        }
    }

    private static void compareProperties(String at, JsonNode before, JsonNode after, JsonNode currentSchema,
            List<Change> changes) {
        JsonNode was = before == null ? JsonNodeFactory.instance.objectNode() : before;
        JsonNode is = after == null ? JsonNodeFactory.instance.objectNode() : after;
        was.fieldNames().forEachRemaining(name -> {
            String property = at + "/" + escape(name);
            if (!is.has(name)) {
                changes.add(new Change(property, "property '" + name + "' removed", false));
            } else {
                compareSchemas(property, was.get(name), is.get(name), changes);
            }
        });
        Set<String> required = texts(currentSchema.get("required"));
        is.fieldNames().forEachRemaining(name -> {
            // Strictly this narrows (a value under that name used to be free), but it is the one change v1 promises
            // (DESIGN.md: only additive, optional fields), and readers ignore fields they do not know.
            if (!was.has(name) && !required.contains(name)) {
                changes.add(new Change(at + "/" + escape(name), "new optional property '" + name + "'", true));
            }
        });
    }

    private static void compareRequired(String at, JsonNode before, JsonNode after, List<Change> changes) {
        Set<String> was = texts(before);
        Set<String> is = texts(after);
        for (String name : was) {
            if (!is.contains(name)) {
                changes.add(new Change(at, "'" + name + "' no longer required", true));
            }
        }
        for (String name : is) {
            if (!was.contains(name)) {
                changes.add(new Change(at, "'" + name + "' newly required: a released payload without it is now"
                        + " invalid", false));
            }
        }
    }

    private static void compareAdditionalProperties(String at, JsonNode before, JsonNode after,
            List<Change> changes) {
        // Absent means any additional property is accepted.
        JsonNode was = before == null ? BooleanNode.TRUE : before;
        JsonNode is = after == null ? BooleanNode.TRUE : after;
        if (was.equals(is)) {
            return;
        }
        if (is.equals(BooleanNode.TRUE) || was.equals(BooleanNode.FALSE)) {
            changes.add(new Change(at, "additionalProperties relaxed from " + was + " to " + is, true));
        } else if (was.isObject() && is.isObject()) {
            compareSchemas(at, was, is, changes);
        } else {
            changes.add(new Change(at, "additionalProperties tightened from " + was + " to " + is
                    + ": a released payload with a field this schema does not name is now invalid", false));
        }
    }

    private static void compareEnums(String at, JsonNode before, JsonNode after, List<Change> changes) {
        if (after == null) {
            changes.add(new Change(at, "enum " + before + " no longer restricted", true));
            return;
        }
        if (before == null) {
            changes.add(new Change(at, "enum " + after + " added", false));
            return;
        }
        for (JsonNode value : before) {
            if (!contains(after, value)) {
                changes.add(new Change(at, "enum value " + value + " removed", false));
            }
        }
        for (JsonNode value : after) {
            if (!contains(before, value)) {
                changes.add(new Change(at, "enum value " + value + " added", true));
            }
        }
    }

    private static void compareBounds(String at, String keyword, JsonNode before, JsonNode after,
            List<Change> changes) {
        if (after == null) {
            changes.add(new Change(at, keyword + " " + before + " removed", true));
            return;
        }
        if (before == null || !before.isNumber() || !after.isNumber()) {
            changes.add(new Change(at, describe(keyword, before, after), false));
            return;
        }
        int comparison = after.decimalValue().compareTo(before.decimalValue());
        boolean relaxed = UPPER_BOUNDS.contains(keyword) ? comparison > 0 : comparison < 0;
        changes.add(new Change(at, keyword + (relaxed ? " relaxed" : " tightened") + " from " + before + " to "
                + after, relaxed));
    }

    private static void compareRestriction(String at, String keyword, JsonNode before, JsonNode after,
            List<Change> changes) {
        if (after == null) {
            changes.add(new Change(at, keyword + " " + before + " removed", true));
        } else {
            changes.add(new Change(at, describe(keyword, before, after), false));
        }
    }

    private static String describe(String keyword, JsonNode before, JsonNode after) {
        if (before == null) {
            return keyword + " " + after + " added";
        }
        if (after == null) {
            return keyword + " " + before + " removed";
        }
        return keyword + " changed from " + before + " to " + after;
    }

    private static boolean contains(JsonNode array, JsonNode value) {
        for (JsonNode element : array) {
            if (element.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> texts(JsonNode node) {
        Set<String> texts = new TreeSet<>();
        if (node == null) {
            return texts;
        }
        if (node.isArray()) {
            node.forEach(element -> texts.add(element.asText()));
        } else {
            texts.add(node.asText());
        }
        return texts;
    }

    /** JSON Pointer (RFC 6901) escaping of one reference token. */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}

package dev.funnel.analytics.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The differences between two answers of the same shape, figure by figure: every number of the current answer
 * minus the number in the same place of the previous one. Taken from the JSON the client reads, so that one rule
 * covers every endpoint, as the README defines it:
 * <ul>
 * <li>a number missing on one side counts as 0 there (a currency not spent, a reason not given, a group with no
 * prospects); a null on one side (a ratio with a zero denominator) makes the delta null;</li>
 * <li>whole numbers are subtracted exactly, whatever their size; any other as doubles;</li>
 * <li>rows of a list are matched by the field that names them ({@link #ROW_NAMES}); a list whose rows have none
 * (the harvest's weeks, the stuck prospects) has no deltas;</li>
 * <li>text, dates and the parameters echoed ({@link #ECHOED}) have none either.</li>
 * </ul>
 * Written by hand: JSON Patch and JSON diff libraries describe how to turn one document into the other, not the
 * arithmetic difference of its figures.
 */
final class Deltas {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** The fields that name a row of a list, the first one a row has being used. */
    static final List<String> ROW_NAMES = List.of("group", "technique", "category", "reason", "lagWeeks");
    /** The field of a row about one prospect. */
    private static final String PROSPECT = "prospectId";
    /** Numbers that repeat the question rather than answer it. */
    static final Set<String> ECHOED = Set.of("window", "days", "theta");

    private Deltas() {
    }

    /** The deltas of two answers, an empty object when nothing can be compared. */
    static JsonNode between(JsonNode current, JsonNode previous) {
        JsonNode delta = delta(current, previous);
        return delta == null ? NODES.objectNode() : delta;
    }

    /** The delta of two nodes at the same place, either of which may be missing; null when there is none. */
    private static JsonNode delta(JsonNode current, JsonNode previous) {
        JsonNode now = orMissing(current);
        JsonNode before = orMissing(previous);
        if (now.isNumber() || before.isNumber()) {
            return difference(now, before);
        }
        if (now.isObject() || before.isObject()) {
            return objectDelta(now, before);
        }
        if (now.isArray() || before.isArray()) {
            return listDelta(now, before);
        }
        return null;
    }

    private static JsonNode difference(JsonNode now, JsonNode before) {
        if (now.isNull() || before.isNull()) {
            return NODES.nullNode();
        }
        if (!(now.isNumber() || now.isMissingNode()) || !(before.isNumber() || before.isMissingNode())) {
            return null;
        }
        boolean whole = (now.isMissingNode() || now.isIntegralNumber())
                && (before.isMissingNode() || before.isIntegralNumber());
        if (whole) {
            return wholeNumber(now.bigIntegerValue().subtract(before.bigIntegerValue()));
        }
        return NODES.numberNode(now.doubleValue() - before.doubleValue());
    }

    /** The smallest node that holds it, as a parser reading the number would make. */
    private static JsonNode wholeNumber(BigInteger value) {
        if (value.bitLength() < Integer.SIZE) {
            return NODES.numberNode(value.intValue());
        }
        return value.bitLength() < Long.SIZE ? NODES.numberNode(value.longValue()) : NODES.numberNode(value);
    }

    private static JsonNode objectDelta(JsonNode now, JsonNode before) {
        if (!(now.isObject() || now.isMissingNode()) || !(before.isObject() || before.isMissingNode())) {
            return null;
        }
        Set<String> fields = new LinkedHashSet<>();
        now.fieldNames().forEachRemaining(fields::add);
        before.fieldNames().forEachRemaining(fields::add);
        ObjectNode delta = NODES.objectNode();
        for (String field : fields) {
            JsonNode fieldNow = now.get(field);
            JsonNode fieldBefore = before.get(field);
            if (ECHOED.contains(field) && !isContainer(fieldNow) && !isContainer(fieldBefore)) {
                continue;
            }
            JsonNode fieldDelta = delta(fieldNow, fieldBefore);
            if (fieldDelta != null) {
                delta.set(field, fieldDelta);
            }
        }
        return delta.isEmpty() ? null : delta;
    }

    private static JsonNode listDelta(JsonNode now, JsonNode before) {
        String name = rowName(now, before);
        if (name == null) {
            return null;
        }
        Map<JsonNode, JsonNode[]> rows = new LinkedHashMap<>();
        now.forEach(row -> rows.computeIfAbsent(row.path(name), key -> new JsonNode[2])[0] = row);
        before.forEach(row -> rows.computeIfAbsent(row.path(name), key -> new JsonNode[2])[1] = row);
        ArrayNode delta = NODES.arrayNode();
        rows.forEach((key, pair) -> {
            ObjectNode row = NODES.objectNode();
            row.set(name, key);
            JsonNode rowDelta = delta(withoutField(pair[0], name), withoutField(pair[1], name));
            if (rowDelta != null) {
                row.setAll((ObjectNode) rowDelta);
            }
            delta.add(row);
        });
        return delta;
    }

    /**
     * The field naming the rows, when every row of both lists has it. Rows of single prospects (the stuck) are
     * a list of who, not figures: they have none.
     */
    private static String rowName(JsonNode now, JsonNode before) {
        List<JsonNode> rows = new ArrayList<>();
        now.forEach(rows::add);
        before.forEach(rows::add);
        if (rows.isEmpty() || !rows.stream().allMatch(JsonNode::isObject)
                || rows.stream().anyMatch(row -> row.has(PROSPECT))) {
            return null;
        }
        return ROW_NAMES.stream().filter(name -> rows.stream().allMatch(row -> row.has(name)))
                .findFirst().orElse(null);
    }

    private static JsonNode withoutField(JsonNode row, String field) {
        if (row == null) {
            return MissingNode.getInstance();
        }
        ObjectNode copy = ((ObjectNode) row).deepCopy();
        copy.remove(field);
        return copy;
    }

    private static boolean isContainer(JsonNode node) {
        return node != null && node.isContainerNode();
    }

    private static JsonNode orMissing(JsonNode node) {
        return Objects.requireNonNullElse(node, MissingNode.getInstance());
    }
}

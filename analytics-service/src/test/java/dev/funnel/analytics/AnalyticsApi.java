package dev.funnel.analytics;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.StreamSupport;

/**
 * The service's REST API as the tests read it: answers parsed with Jackson, so that every number is compared
 * exactly as the service wrote it, and figures turned into records that AssertJ compares field by field.
 */
final class AnalyticsApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AnalyticsApi() {
    }

    static JsonNode get(String path, Map<String, ?> query) {
        RequestSpecification request = given().accept("application/json");
        query.forEach(request::queryParam);
        String body = request.get(path).then().statusCode(200).extract().asString();
        return parse(body);
    }

    static JsonNode funnel(LocalDate from, LocalDate to, String... filters) {
        return get("/funnel", query(from, to, filters));
    }

    static JsonNode breakdown(String by, LocalDate from, LocalDate to, String... filters) {
        Map<String, Object> query = query(from, to, filters);
        query.put("by", by);
        return get("/funnel/breakdown", query);
    }

    static JsonNode objections(LocalDate from, LocalDate to, String... filters) {
        return get("/funnel/objections", query(from, to, filters));
    }

    static JsonNode projection() {
        return get("/admin/projection", Map.of());
    }

    static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code filters} are name, value pairs: {@code "source", "SALES"}. */
    private static Map<String, Object> query(LocalDate from, LocalDate to, String... filters) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("from", from.toString());
        query.put("to", to.toString());
        for (int i = 0; i < filters.length; i += 2) {
            query.put(filters[i], filters[i + 1]);
        }
        return query;
    }

    /** The figures of a funnel answer or of one breakdown row. */
    static Figures figures(JsonNode node) {
        return new Figures(effort(node.get("effort")),
                node.at("/stages/found").asLong(), node.at("/stages/contacted").asLong(),
                node.at("/stages/objected").asLong(), node.at("/stages/won").asLong(),
                node.at("/stages/lost").asLong(), node.at("/stages/open").asLong(),
                number(node.at("/conversion/foundToContacted")), number(node.at("/conversion/contactedToWon")),
                number(node.at("/conversion/foundToWon")), number(node.get("winRate")),
                number(node.at("/daysToWin/median")), number(node.at("/daysToWin/p90")),
                node.at("/objections/raised").asLong(), node.at("/objections/resolved").asLong());
    }

    /** The rows of a breakdown, by group, in the order the service gave them. */
    static Map<String, Figures> rows(JsonNode breakdown) {
        Map<String, Figures> rows = new LinkedHashMap<>();
        breakdown.get("rows").forEach(row -> rows.put(row.get("group").isNull() ? null : row.get("group").asText(),
                figures(row)));
        return rows;
    }

    static List<Category> categories(JsonNode objections) {
        return StreamSupport.stream(objections.get("categories").spliterator(), false)
                .map(c -> new Category(c.get("category").asText(), c.get("raised").asLong(),
                        c.get("resolved").asLong(), number(c.get("resolutionRate")), c.get("prospects").asLong(),
                        number(c.get("winRateAllResolved")), number(c.get("winRateNotAllResolved"))))
                .toList();
    }

    static Double number(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            throw new AssertionError("missing field");
        }
        return node.isNull() ? null : node.doubleValue();
    }

    private static Effort effort(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return new Effort(node.get("activities").asLong(), node.get("minutes").asLong(),
                amounts(node.get("costMinor")));
    }

    /**
     * Money per currency, read exactly: each amount must be a JSON integer (a sum of amounts up to
     * {@link Long#MAX_VALUE} may be larger than a long, and a float would have rounded it).
     */
    static Map<String, BigInteger> amounts(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            throw new AssertionError("missing field");
        }
        if (node.isNull()) {
            return null;
        }
        Map<String, BigInteger> amounts = new TreeMap<>();
        node.fields().forEachRemaining(entry -> {
            if (!entry.getValue().isIntegralNumber()) {
                throw new AssertionError(entry.getKey() + " is not a JSON integer: " + entry.getValue());
            }
            amounts.put(entry.getKey(), entry.getValue().bigIntegerValue());
        });
        return amounts;
    }

    /** {@code currency, amount} pairs as a map of exact amounts: {@code minor("EUR", 2500, "USD", 1000)}. */
    static Map<String, BigInteger> minor(Object... currencyAmountPairs) {
        Map<String, BigInteger> amounts = new TreeMap<>();
        for (int i = 0; i < currencyAmountPairs.length; i += 2) {
            Object amount = currencyAmountPairs[i + 1];
            amounts.put((String) currencyAmountPairs[i], amount instanceof BigInteger big ? big
                    : BigInteger.valueOf(((Number) amount).longValue()));
        }
        return amounts;
    }

    record Effort(long activities, long minutes, Map<String, BigInteger> costMinor) {

        static final Effort NONE = new Effort(0, 0, Map.of());
    }

    /** Every figure of a cohort, flattened; ratios and days are null where the service says null. */
    record Figures(Effort effort, long found, long contacted, long objected, long won, long lost, long open,
            Double foundToContacted, Double contactedToWon, Double foundToWon, Double winRate,
            Double medianDaysToWin, Double p90DaysToWin, long objectionsRaised, long objectionsResolved) {
    }

    record Category(String category, long raised, long resolved, Double resolutionRate, long prospects,
            Double winRateAllResolved, Double winRateNotAllResolved) {
    }
}

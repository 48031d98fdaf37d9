package dev.funnel.deploy.checks;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression (or a Grafana query, with its $variables) reads. Not a parser: it removes
 * what cannot be a metric name (strings, label matchers, ranges, grouping label lists, Grafana variables,
 * numbers and durations) and keeps the identifiers that are neither keywords nor function calls. Good enough for
 * expressions written in this repository, and it errs towards finding too many names, which fails loudly.
 */
final class PromQl {

    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
            "group_left", "group_right", "offset", "bool", "inf", "nan", "atan2", "start", "end");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^{}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^\\]]*]");
    private static final Pattern GROUPING = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{[^}]*}|\\$\\w+");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([^,)]+?)\\s*,\\s*\\w+\\s*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");

    private PromQl() {
    }

    static Set<String> metricNames(String expression) {
        // Grafana's label_values(metric, label): the label is not a metric.
        String text = LABEL_VALUES.matcher(expression).replaceAll("$1");
        text = VARIABLE.matcher(text).replaceAll(" ");
        text = STRING.matcher(text).replaceAll(" ");
        text = MATCHERS.matcher(text).replaceAll(" ");
        text = RANGE.matcher(text).replaceAll(" ");
        text = GROUPING.matcher(text).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher matcher = IDENTIFIER.matcher(text);
        while (matcher.find()) {
            String identifier = matcher.group(1);
            boolean call = matcher.group(2) != null;
            boolean numberPart = matcher.start() > 0 && Character.isDigit(text.charAt(matcher.start() - 1));
            if (!call && !numberPart && !KEYWORDS.contains(identifier)) {
                names.add(identifier);
            }
        }
        return names;
    }
}

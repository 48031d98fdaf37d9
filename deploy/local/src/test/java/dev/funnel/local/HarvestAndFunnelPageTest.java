package dev.funnel.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The Harvest and Funnel pages in a real Chromium on the shared {@link WebAppStack}, signed in as mia (a marketer):
 * every figure they show is analytics-service's answer for the same range, week for week and row for row; a range
 * the service refuses is shown with its words next to the field it names; a seller is told the pages are not for
 * their role. The demo story's data is only read.
 */
class HarvestAndFunnelPageTest extends WebAppPageTest {

    private static final String MARKETER = "mia";

    private static RestClient api;
    private static String analytics;

    @BeforeAll
    static void aSignedInMarketer() throws Exception {
        api = new RestClient(stack.stack().tokens().of(MARKETER));
        analytics = stack.stack().urls().get("analytics-service");
        browser.signIn(stack.webAppUrl(), MARKETER, stack.password(MARKETER));
    }

    @Test
    void theHarvestShowsTheApisWeeksAndBestLagForTheLastTwelveIsoWeeks() throws Exception {
        browser.go("/harvest");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String from = inputValue("from");
        String to = inputValue("to");
        assertThat(from).as("the Monday eleven weeks before this week's")
                .isEqualTo(today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(11).toString());
        assertThat(to).isEqualTo(today.toString());

        JsonNode answer = ok(analytics + "/insights/harvest?from=" + from + "&to=" + to);
        assertThat(answer.path("weeks")).hasSize(12);
        assertThat(shownWeeks()).isEqualTo(weeksOf(answer));
        long effort = 0;
        for (JsonNode week : answer.path("weeks")) {
            effort += week.path("effortMinutes").asLong();
        }
        assertThat(effort).as("the demo story waters its techniques").isPositive();
        assertBestLag(answer);
        assertThat(shownCorrelations()).isEqualTo(correlationsOf(answer));
        assertThat(browser.findAll(By.cssSelector("#harvest-correlations tr.best")))
                .hasSize(answer.path("bestLagWeeks").isNull() ? 0 : 1);
        assertThat(browser.driver().findElement(By.id("harvest-chart")).getAttribute("aria-label"))
                .contains(effort + " minutes");
        browser.waitUntil("Chart.js drew the curve", driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver)
                .executeScript("return !!(window.Chart && window.Chart.getChart(arguments[0]))",
                        driver.findElement(By.id("harvest-chart")))));
        browser.screenshot("harvest");
    }

    @Test
    void anotherCarryOverTypedInTheFormGivesTheApisAdstockForIt() throws Exception {
        browser.go("/harvest");
        WebElement theta = browser.driver().findElement(By.id("theta"));
        theta.clear();
        theta.sendKeys("0.5");
        browser.driver().findElement(By.cssSelector("#harvest-range button[type=submit]")).click();
        browser.waitUntil("the page for theta 0.5", driver -> driver.getCurrentUrl().contains("theta=0.5"));

        JsonNode answer = ok(analytics + "/insights/harvest?from=" + inputValue("from") + "&to=" + inputValue("to")
                + "&theta=0.5");
        assertThat(answer.path("theta").asDouble()).isEqualTo(0.5);
        assertThat(shownWeeks()).isEqualTo(weeksOf(answer));
        assertThat(browser.driver().findElement(By.id("best-lag")).getAttribute("data-theta")).isEqualTo("0.5");
        assertBestLag(answer);
    }

    @Test
    void aHarvestRangeEndingBeforeItStartsShowsTheApisWordsNextToTo() throws Exception {
        RestClient.Reply refusal = api.get(analytics + "/insights/harvest?from=2026-03-10&to=2026-03-01");
        assertThat(refusal.status()).isEqualTo(400);

        browser.go("/harvest?from=2026-03-10&to=2026-03-01");

        assertThat(browser.text("error-to")).isEqualTo(violation(refusal, "to"));
        assertThat(browser.driver().findElement(By.id("to")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(inputValue("from")).as("what was asked stays").isEqualTo("2026-03-10");
        assertThat(browser.driver().findElement(By.cssSelector(".problem[role=alert]")).getText())
                .contains(refusal.body().path("detail").asText());
        assertThat(browser.findAll(By.id("harvest-weeks"))).as("no figures for a refused range").isEmpty();

        browser.go("/harvest?theta=1.5");
        RestClient.Reply theta = api.get(analytics + "/insights/harvest?from=" + inputValue("from") + "&to="
                + inputValue("to") + "&theta=1.5");
        assertThat(browser.text("error-theta")).isEqualTo(violation(theta, "theta"));
    }

    @Test
    void theFunnelShowsTheApisStagesBreakdownAndBothSources() throws Exception {
        browser.go("/funnel");
        String from = inputValue("from");
        String to = inputValue("to");
        assertThat(new Select(browser.driver().findElement(By.id("by"))).getFirstSelectedOption()
                .getAttribute("value")).as("by technique unless asked").isEqualTo("technique");

        JsonNode totals = ok(analytics + "/funnel?from=" + from + "&to=" + to);
        long found = 0;
        for (String stage : List.of("found", "contacted", "objected", "won", "lost", "open")) {
            long expected = totals.path("stages").path(stage).asLong();
            assertThat(browser.driver().findElement(By.id("stage-" + stage)).getAttribute("data-count")).as(stage)
                    .isEqualTo(Long.toString(expected));
            found = stage.equals("found") ? expected : found;
        }
        assertThat(found).as("the demo story finds prospects in its last twelve weeks").isPositive();
        assertThat(browser.driver().findElement(By.id("step-found-contacted")).getAttribute("data-conversion"))
                .isEqualTo(exact(totals.path("conversion").path("foundToContacted")));
        assertThat(browser.driver().findElement(By.id("win-rate")).getAttribute("data-win-rate"))
                .isEqualTo(exact(totals.path("winRate")));
        assertThat(browser.driver().findElement(By.id("funnel-cost")).getAttribute("data-cost"))
                .isEqualTo(money(totals.path("effort").path("costMinor")));

        assertBreakdown("technique", from, to);

        JsonNode sides = ok(analytics + "/insights/hunting-vs-farming?from=" + from + "&to=" + to);
        for (String side : List.of("marketing", "sales")) {
            JsonNode cohort = sides.path(side);
            WebElement shown = browser.driver().findElement(By.id("side-" + cohort.path("source").asText()));
            assertThat(List.of(shown.getAttribute("data-found"), shown.getAttribute("data-won"),
                    shown.getAttribute("data-lost"), shown.getAttribute("data-win-rate"),
                    shown.getAttribute("data-won-value"))).as(side)
                    .isEqualTo(List.of(cohort.path("found").asText(), cohort.path("won").asText(),
                            cohort.path("lost").asText(), exact(cohort.path("winRate")),
                            money(cohort.path("wonValueMinor"))));
        }
        browser.screenshot("funnel");
        browser.phoneScreenshot("funnel-phone");

        new Select(browser.driver().findElement(By.id("by"))).selectByValue("owner");
        browser.driver().findElement(By.cssSelector("#funnel-range button[type=submit]")).click();
        browser.waitUntil("the funnel by owner", driver -> driver.getCurrentUrl().contains("by=owner"));
        assertBreakdown("owner", from, to);
        browser.go("/funnel?by=week&from=" + from + "&to=" + to);
        assertBreakdown("week", from, to);
    }

    @Test
    void aBadGroupingAndABadRangeOnTheFunnelShowTheApisWordsNextToTheirFields() throws Exception {
        RestClient.Reply refusal = api.get(analytics + "/funnel/breakdown?by=colour&from=2026-03-10&to=2026-03-01");
        assertThat(refusal.status()).isEqualTo(400);

        browser.go("/funnel?by=colour&from=2026-03-10&to=2026-03-01");

        assertThat(browser.text("error-by")).isEqualTo(violation(refusal, "by"));
        assertThat(browser.text("error-to")).isEqualTo(violation(refusal, "to"));
        assertThat(browser.findAll(By.id("funnel-breakdown"))).isEmpty();
        assertThat(browser.findAll(By.id("stage-found"))).isEmpty();
    }

    @Test
    void aSellerIsToldHarvestAndFunnelAreNotForTheirRole() {
        browser.forgetSessions();
        try {
            browser.signIn(stack.webAppUrl(), "sam", stack.password("sam"));
            assertThat(browser.findAll(By.id("nav-harvest"))).isEmpty();
            assertThat(browser.findAll(By.id("nav-funnel"))).isEmpty();
            for (String page : List.of("/harvest", "/funnel")) {
                browser.go(page);
                assertThat(browser.text("main")).as(page).contains("Not a page for your role");
            }
            assertThat(browser.findAll(By.id("harvest-weeks"))).isEmpty();
            assertThat(browser.findAll(By.id("funnel-breakdown"))).isEmpty();
        } finally {
            browser.forgetSessions();
            browser.signIn(stack.webAppUrl(), MARKETER, stack.password(MARKETER));
        }
    }

    private static void assertBreakdown(String by, String from, String to) throws IOException, InterruptedException {
        JsonNode answer = ok(analytics + "/funnel/breakdown?by=" + by + "&from=" + from + "&to=" + to);
        List<String> expected = new ArrayList<>();
        for (JsonNode row : answer.path("rows")) {
            JsonNode stages = row.path("stages");
            expected.add(String.join(" | ", row.path("group").isNull() ? "" : row.path("group").asText(),
                    stages.path("found").asText(), stages.path("contacted").asText(), stages.path("objected").asText(),
                    stages.path("won").asText(), stages.path("lost").asText(), stages.path("open").asText(),
                    exact(row.path("winRate")),
                    row.path("effort").isNull() ? "" : row.path("effort").path("minutes").asText(),
                    row.path("effort").isNull() ? "" : money(row.path("effort").path("costMinor"))));
        }
        List<String> shown = new ArrayList<>();
        for (WebElement row : browser.findAll(By.cssSelector("#funnel-breakdown tbody tr"))) {
            shown.add(String.join(" | ", row.getAttribute("data-group"), row.getAttribute("data-found"),
                    row.getAttribute("data-contacted"), row.getAttribute("data-objected"),
                    row.getAttribute("data-won"), row.getAttribute("data-lost"), row.getAttribute("data-open"),
                    row.getAttribute("data-win-rate"), row.getAttribute("data-effort-minutes"),
                    row.getAttribute("data-cost")));
        }
        assertThat(browser.driver().findElement(By.id("funnel-breakdown")).getAttribute("data-by")).isEqualTo(by);
        assertThat(shown).as("the breakdown by %s, row for row", by).isEqualTo(expected).isNotEmpty();
    }

    private static void assertBestLag(JsonNode answer) {
        WebElement best = browser.driver().findElement(By.id("best-lag"));
        assertThat(best.getAttribute("data-lag-weeks")).isEqualTo(answer.path("bestLagWeeks").isNull() ? ""
                : answer.path("bestLagWeeks").asText());
        assertThat(best.getAttribute("data-correlation")).isEqualTo(exact(answer.path("bestCorrelation")));
        if (!answer.path("bestLagWeeks").isNull()) {
            int weeks = answer.path("bestLagWeeks").asInt();
            assertThat(best.getText()).contains(weeks == 0 ? "in the same week"
                    : weeks + (weeks == 1 ? " week" : " weeks") + " after the effort");
        }
    }

    private static List<String> shownWeeks() {
        List<String> shown = new ArrayList<>();
        for (WebElement row : browser.findAll(By.cssSelector("#harvest-weeks tbody tr"))) {
            shown.add(String.join(" | ", row.getAttribute("data-week"), row.getAttribute("data-starts-on"),
                    row.getAttribute("data-effort-minutes"), row.getAttribute("data-active-techniques"),
                    row.getAttribute("data-prospects-found"), row.getAttribute("data-adstock")));
        }
        return shown;
    }

    private static List<String> weeksOf(JsonNode answer) {
        List<String> expected = new ArrayList<>();
        for (JsonNode week : answer.path("weeks")) {
            expected.add(String.join(" | ", week.path("week").asText(), week.path("startsOn").asText(),
                    week.path("effortMinutes").asText(), week.path("activeTechniques").asText(),
                    week.path("prospectsFound").asText(), Double.toString(week.path("adstock").asDouble())));
        }
        return expected;
    }

    private static List<String> shownCorrelations() {
        return browser.findAll(By.cssSelector("#harvest-correlations tbody tr")).stream()
                .map(row -> row.getAttribute("data-lag-weeks") + " | " + row.getAttribute("data-correlation"))
                .toList();
    }

    private static List<String> correlationsOf(JsonNode answer) {
        List<String> expected = new ArrayList<>();
        for (JsonNode lag : answer.path("correlations")) {
            expected.add(lag.path("lagWeeks").asText() + " | " + exact(lag.path("correlation")));
        }
        return expected;
    }

    private static String inputValue(String id) {
        return browser.waitUntil("#" + id, driver -> driver.findElement(By.id(id))).getAttribute("value");
    }

    private static JsonNode ok(String url) throws IOException, InterruptedException {
        RestClient.Reply reply = api.get(url);
        assertThat(reply.status()).as(url).isEqualTo(200);
        return reply.body();
    }

    /** A ratio as the page's data- attributes hold it: Java's text of the API's double, empty for null. */
    private static String exact(JsonNode ratio) {
        return ratio.isNull() || ratio.isMissingNode() ? "" : Double.toString(ratio.asDouble());
    }

    /** {@code {"EUR": 2500, "USD": 1000}} as {@code EUR:2500 USD:1000}, the exact integers whatever their size. */
    private static String money(JsonNode minorByCurrency) {
        List<String> parts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = minorByCurrency.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            parts.add(entry.getKey() + ":" + entry.getValue().bigIntegerValue());
        }
        return String.join(" ", parts);
    }

    private static String violation(RestClient.Reply refusal, String field) {
        for (JsonNode violation : refusal.body().path("violations")) {
            if (violation.path("field").asText().equals(field)) {
                return violation.path("message").asText();
            }
        }
        throw new AssertionError("no violation of " + field + " in " + refusal.body());
    }
}

package dev.funnel.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The marketer's Today page and the Garden, in a real Chromium signed in as mia (a marketer) on the shared
 * {@link WebAppStack}: what they show is what activity-service and analytics-service answer, and watering a technique
 * on Today grows its streak once the analytics have caught up.
 *
 * <p>The stack is shared, so the techniques this test waters are its own: {@value #WATERED}, worked the three days
 * before today, and {@value #RESTING}, worked up to three days ago and left since, so it is at risk today. The demo's
 * techniques are only read.
 */
class TodayAndGardenPageTest extends WebAppPageTest {

    private static final String WATERED = "browser-watered";
    private static final String WATERED_NAME = "Watered by the browser test";
    private static final String RESTING = "browser-resting";
    private static final String MARKETER = "mia";
    /** The analytics apply a new activity within seconds; this is the bound, not the expectation. */
    private static final Duration CATCH_UP = Duration.ofSeconds(60);

    private static RestClient api;
    private static String activities;
    private static String analytics;

    @BeforeAll
    static void ownTechniquesAndASignedInMarketer() throws Exception {
        api = new RestClient(stack.stack().tokens().of(MARKETER));
        activities = stack.stack().urls().get("activity-service");
        analytics = stack.stack().urls().get("analytics-service");
        LocalDate today = today();
        define(WATERED, WATERED_NAME);
        define(RESTING, "Left to rest by the browser test");
        for (int back = 3; back >= 1; back--) {
            log(WATERED, today.minusDays(back));
        }
        for (int back = 5; back >= 3; back--) {
            log(RESTING, today.minusDays(back));
        }
        await("analytics-service counts the test's techniques").atMost(CATCH_UP).untilAsserted(() -> {
            JsonNode watered = consistency(WATERED, today);
            JsonNode resting = consistency(RESTING, today);
            assertThat(watered == null ? null : watered.path("currentStreak").asLong()).isEqualTo(3);
            assertThat(resting == null ? null : resting.path("lastActivityOn").asText())
                    .isEqualTo(today.minusDays(3).toString());
        });
        browser.signIn(stack.webAppUrl(), MARKETER, stack.password(MARKETER));
    }

    @Test
    void wateringATechniqueOnTodayGrowsItsStreakByOne() throws Exception {
        LocalDate today = today();
        JsonNode before = consistency(WATERED, today);
        assertThat(before.path("lastActivityOn").asText()).as("today's period is not kept yet")
                .isNotEqualTo(today.toString());
        long streak = before.path("currentStreak").asLong();
        browser.go("/today");
        assertThat(shownStreak(WATERED)).isEqualTo(streak);
        assertThat(browser.text("streak-" + WATERED)).isEqualTo(Long.toString(streak));

        WebElement form = browser.driver().findElement(By.id("water-" + WATERED));
        type(form, "minutesSpent", "25");
        type(form, "cost", "12.50");
        type(form, "notes", "watered from the browser test");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        assertThat(browser.text("notice"))
                .isEqualTo("Watered: " + WATERED_NAME + ", 25 minutes. The streak updates in a moment.");
        assertThat(browser.path()).isEqualTo("/today");
        JsonNode logged = api.get(activities + "/activities?technique=" + WATERED + "&from=" + today + "&to=" + today)
                .body().path("items");
        assertThat(logged).hasSize(1);
        assertThat(logged.get(0).path("minutesSpent").asInt()).isEqualTo(25);
        assertThat(logged.get(0).path("costMinor").asLong()).as("12.50 in cents").isEqualTo(1250);
        assertThat(logged.get(0).path("notes").asText()).isEqualTo("watered from the browser test");

        await("the streak on Today grows by one").atMost(CATCH_UP).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    browser.go("/today");
                    assertThat(shownStreak(WATERED)).isEqualTo(streak + 1);
                });
        JsonNode after = consistency(WATERED, today);
        assertThat(after.path("currentStreak").asLong()).isEqualTo(streak + 1);
        WebElement section = section("technique-" + WATERED);
        assertThat(Double.parseDouble(section.getAttribute("data-strength")))
                .isEqualTo(after.path("habitStrength").asDouble());
        assertThat(browser.text("strength-" + WATERED))
                .isEqualTo(Math.round(after.path("habitStrength").asDouble() * 100) + "%");
        browser.screenshot("today");
        browser.phoneScreenshot("today-phone");
    }

    @Test
    void aRefusedFormShowsTheApisMessageNextToMinutesSpentAndKeepsWhatWasTyped() throws Exception {
        LocalDate today = today();
        // What activity-service itself says about 5000 minutes (and stores nothing).
        RestClient.Reply refusal = api.post(activities + "/activities", Map.of("technique", RESTING,
                "performedOn", today.toString(), "minutesSpent", 5000));
        assertThat(refusal.status()).isEqualTo(400);
        String message = refusal.body().path("violations").get(0).path("message").asText();
        long stored = activityCount(RESTING);
        browser.go("/today");

        WebElement form = browser.driver().findElement(By.id("water-" + RESTING));
        type(form, "minutesSpent", "5000");
        type(form, "notes", "a very long day");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        assertThat(browser.text("error-minutesSpent")).isEqualTo(message);
        WebElement again = browser.driver().findElement(By.id("water-" + RESTING));
        assertThat(again.findElement(By.id("error-minutesSpent")).isDisplayed()).as("in the refused form").isTrue();
        assertThat(again.findElement(By.name("minutesSpent")).getAttribute("value")).isEqualTo("5000");
        assertThat(again.findElement(By.name("notes")).getAttribute("value")).isEqualTo("a very long day");
        assertThat(again.findElement(By.cssSelector(".problem[role=alert]")).getText()).contains("Nothing was logged");
        assertThat(activityCount(RESTING)).as("nothing stored").isEqualTo(stored);
    }

    @Test
    void aTechniqueLeftForTwoDaysIsAtRiskWithItsSproutLagInWords() {
        browser.go("/today");

        List<WebElement> atRisk = browser.findAll(By.cssSelector("#at-risk li"));
        assertThat(atRisk).extracting(item -> item.getAttribute("data-technique")).contains(RESTING)
                .doesNotContain(WATERED);
        String said = atRisk.stream().filter(item -> RESTING.equals(item.getAttribute("data-technique")))
                .findFirst().orElseThrow().getText();
        assertThat(said).contains("No activity in the last 2 days: last worked on")
                .contains("Sprout lag: week 1 of a typical");
    }

    @Test
    void theGardenShowsTheApisStatusAndStrengthAndTheActivitiesDayByDay() throws Exception {
        LocalDate today = today();
        String slug = "daily-linkedin";
        // The demo's daily technique misses a day now and then: kept and missed days both show.
        await("the Garden shows analytics-service's figures").atMost(CATCH_UP).untilAsserted(() -> {
            JsonNode now = consistency(slug, today);
            browser.go("/garden");
            WebElement section = section("garden-" + slug);
            assertThat(section.getAttribute("data-status")).isEqualTo(now.path("status").asText());
            assertThat(Double.parseDouble(section.getAttribute("data-strength")))
                    .isEqualTo(now.path("habitStrength").asDouble());
            assertThat(section.getAttribute("data-streak")).isEqualTo(now.path("currentStreak").asText());
        });

        LocalDate firstMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(11);
        Map<String, Integer> minutes = new HashMap<>();
        for (JsonNode activity : api.get(activities + "/activities?technique=" + slug + "&from=" + firstMonday
                + "&to=" + today + "&size=500").body().path("items")) {
            minutes.merge(activity.path("performedOn").asText(), activity.path("minutesSpent").asInt(),
                    Integer::sum);
        }
        LocalDate started = LocalDate.parse(consistency(slug, today).path("firstActivityOn").asText());
        Map<String, String> expected = new LinkedHashMap<>();
        for (LocalDate day = firstMonday; day.isBefore(firstMonday.plusWeeks(12)); day = day.plusDays(1)) {
            expected.put(day.toString(), day.isAfter(today) ? "planned" : day.isBefore(started) ? "none"
                    : minutes.containsKey(day.toString()) ? "kept" : day.equals(today) ? "running" : "missed");
        }
        Map<String, String> shown = new LinkedHashMap<>();
        for (WebElement cell : section("garden-" + slug).findElements(By.cssSelector("td[data-day]"))) {
            shown.put(cell.getAttribute("data-day"), cell.getAttribute("data-state"));
            boolean worked = minutes.containsKey(cell.getAttribute("data-day"));
            assertThat(cell.getAttribute("data-worked")).isEqualTo(Boolean.toString(worked));
            assertThat(cell.getAttribute("aria-label")).isNotBlank();
        }
        assertThat(shown).as("12 weeks, Monday first, each day as the activities say").isEqualTo(expected);
        assertThat(shown.values()).contains("kept", "missed");

        // Habit strength at the end of the first week shown, as analytics-service said it that Sunday.
        LocalDate firstSunday = firstMonday.plusDays(6);
        WebElement week = section("garden-" + slug)
                .findElement(By.cssSelector("tr[data-as-of='" + firstSunday + "']"));
        JsonNode then = consistency(slug, firstSunday);
        assertThat(week.getAttribute("data-strength")).isEqualTo(then == null ? ""
                : Double.toString(then.path("habitStrength").asDouble()));

        // Under WEEKDAYS no weekend is planned; an abandoned-early technique is called out with its weeks.
        for (WebElement cell : section("garden-email-newsletter").findElements(By.cssSelector("td[data-day]"))) {
            DayOfWeek day = LocalDate.parse(cell.getAttribute("data-day")).getDayOfWeek();
            if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
                assertThat(cell.getAttribute("data-state")).isEqualTo("none");
            }
        }
        boolean early = "ABANDONED_EARLY".equals(consistency("local-radio-ad", today).path("status").asText());
        assertThat(browser.findAll(By.id("given-up-local-radio-ad"))).hasSize(early ? 1 : 0);
        if (early) {
            assertThat(browser.text("given-up-local-radio-ad"))
                    .containsPattern("given up in week \\d+, just before the sprouts usually come up in week \\d+");
        }
        browser.screenshot("garden");
    }

    @Test
    void anAnalystReadsTheGardenButHasNoTodayToWater() {
        browser.forgetSessions();
        try {
            browser.signIn(stack.webAppUrl(), "ana", stack.password("ana"));
            assertThat(browser.findAll(By.id("nav-today"))).isEmpty();
            browser.go("/garden");
            assertThat(section("garden-daily-linkedin").getAttribute("data-status")).isNotBlank();
            browser.go("/today");
            assertThat(browser.text("main")).contains("Not a page for your role");
            assertThat(browser.findAll(By.cssSelector("form[id^=water-]"))).isEmpty();
        } finally {
            browser.forgetSessions();
            browser.signIn(stack.webAppUrl(), MARKETER, stack.password(MARKETER));
        }
    }

    private static WebElement section(String id) {
        return browser.waitUntil("#" + id, driver -> driver.findElement(By.id(id)));
    }

    private static long shownStreak(String slug) {
        return Long.parseLong(section("technique-" + slug).getAttribute("data-streak"));
    }

    private static void type(WebElement form, String name, String text) {
        WebElement input = form.findElement(By.name(name));
        input.clear();
        input.sendKeys(text);
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** The technique's consistency as of {@code asOf} (range: that day), or null when the service lists it not. */
    private static JsonNode consistency(String slug, LocalDate asOf) throws IOException, InterruptedException {
        JsonNode answer = api.get(analytics + "/insights/consistency?from=" + asOf + "&to=" + asOf + "&asOf=" + asOf)
                .body();
        for (JsonNode technique : answer.path("techniques")) {
            if (technique.path("technique").asText().equals(slug)) {
                return technique;
            }
        }
        return null;
    }

    private static long activityCount(String slug) throws IOException, InterruptedException {
        return api.get(activities + "/activities?technique=" + slug + "&size=1").body().path("total").asLong();
    }

    private static void define(String slug, String name) throws IOException, InterruptedException {
        api.postExpecting(activities + "/techniques", Map.of("slug", slug, "name", name, "cadence", "DAILY"),
                201, 409);
    }

    private static void log(String slug, LocalDate day) throws IOException, InterruptedException {
        api.postExpecting(activities + "/activities", Map.of("id",
                UUID.nameUUIDFromBytes((slug + day).getBytes()).toString(), "technique", slug,
                "performedOn", day.toString(), "minutesSpent", 20), 201, 200);
    }
}

package dev.funnel.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The playbook in a real Chromium on the shared {@link WebAppStack}: per category, the bridges objection-service
 * ranks by the customers they won, row for row as its API answers them; and only for the roles that API serves.
 */
class PlaybookPageTest extends WebAppPageTest {

    private static final List<String> CATEGORIES = List.of("PRICE", "TIMING", "NEED", "TRUST", "AUTHORITY",
            "COMPETITOR", "OTHER");


    @BeforeEach
    void nobodySignedIn() {
        browser.forgetSessions();
    }

    @Test
    void aSellerSeesEachCategorysBridgesRankedAsTheApiRanksThem() throws Exception {
        browser.signIn(stack.webAppUrl(), "sam", stack.password("sam"));
        browser.go("/playbook");
        RestClient api = new RestClient(stack.stack().tokens().of("sam"));
        String objections = stack.stack().urls().get("objection-service");

        int bridgesShown = 0;
        for (String category : CATEGORIES) {
            RestClient.Reply reply = api.get(objections + "/objections/playbook?category=" + category + "&limit=10");
            assertThat(reply.status()).as(category).isEqualTo(200);
            List<String> expected = new ArrayList<>();
            for (JsonNode bridge : reply.body().path("bridges")) {
                expected.add(bridge.path("bridge").asText() + " | " + bridge.path("prospectsWon").asLong() + " | "
                        + bridge.path("timesUsed").asLong());
            }
            List<String> shown = new ArrayList<>();
            for (WebElement row : browser.findAll(By.cssSelector("#playbook-" + category + " tr.bridge"))) {
                shown.add(row.getAttribute("data-bridge") + " | " + row.getAttribute("data-won") + " | "
                        + row.getAttribute("data-used"));
            }
            assertThat(shown).as("the page's %s bridges, in order", category).isEqualTo(expected);
            bridgesShown += shown.size();
        }
        assertThat(bridgesShown).as("the demo story bridged price and timing objections").isPositive();
        browser.screenshot("playbook");
    }

    @Test
    void aMarketerIsToldThePlaybookIsNotForTheirRole() {
        browser.signIn(stack.webAppUrl(), "mia", stack.password("mia"));
        browser.go("/playbook");

        assertThat(browser.findAll(By.id("nav-playbook"))).as("no link to it").isEmpty();
        assertThat(browser.visibleText()).contains("Not a page for your role");
        assertThat(browser.findAll(By.cssSelector("tr.bridge"))).isEmpty();
    }

    /**
     * A link left on an open page (the person's roles changed since, say) is followed by htmx, as every link is: the
     * refusal must be shown in words like any other answer, not dropped, which leaves the old page up.
     */
    @Test
    void aRefusalToALinkFollowedByHtmxIsShownInWords() {
        browser.signIn(stack.webAppUrl(), "mia", stack.password("mia"));
        browser.go("/today");
        ((JavascriptExecutor) browser.driver()).executeScript("const link = document.createElement('a');"
                + "link.id = 'stale-link'; link.href = '/playbook'; link.textContent = 'Playbook';"
                + "document.getElementById('main').prepend(link); htmx.process(link);");

        browser.driver().findElement(By.id("stale-link")).click();

        browser.waitUntil("the refusal in words", driver -> driver.findElement(By.id("main")).getText()
                .contains("Not a page for your role"));
        assertThat(browser.findAll(By.cssSelector("form[id^=water-]"))).as("Today's page is replaced").isEmpty();
    }
}

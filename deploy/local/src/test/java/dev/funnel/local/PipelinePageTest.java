package dev.funnel.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The seller's pipeline and prospect pages in a real Chromium on the shared {@link WebAppStack}: sam registers a
 * prospect of his own, works it to won through the page's forms (contact, a price objection bridged with the
 * playbook's best bridge, the win), and each step is what prospect-service and objection-service then answer, and
 * what analytics-service's funnel counts; alex, another seller, neither sees nor reaches it.
 *
 * <p>The stack is shared, so the prospects this test works are its own (names with a random suffix).
 */
class PipelinePageTest extends WebAppPageTest {

    private static final String SELLER = "sam";
    private static final String OTHER_SELLER = "alex";
    private static final String MANAGER = "max";
    /** The analytics apply a win within seconds; this is the bound, not the expectation. */
    private static final Duration CATCH_UP = Duration.ofSeconds(60);

    private static RestClient asSeller;
    private static RestClient asManager;
    private static String prospects;
    private static String objections;
    private static String analytics;
    /** A prospect of sam's registered through the API, for the other seller to look for. */
    private static String samsProspect;

    @BeforeAll
    static void openBrowserAndStack() throws Exception {
        asSeller = new RestClient(stack.stack().tokens().of(SELLER));
        asManager = new RestClient(stack.stack().tokens().of(MANAGER));
        prospects = stack.stack().urls().get("prospect-service");
        objections = stack.stack().urls().get("objection-service");
        analytics = stack.stack().urls().get("analytics-service");
        samsProspect = asSeller.postExpecting(prospects + "/prospects", Map.of("displayName",
                "Sam's own " + suffix(), "source", "SALES", "estimatedValueMinor", 90_000), 201).path("id").asText();
    }

    @BeforeEach
    void nobodySignedIn() {
        browser.forgetSessions();
    }

    @Test
    void aSellerWorksAProspectFromRegisteredToWonWithThePlaybooksWinningBridge() throws Exception {
        String name = "Pipeline browser test " + suffix();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long wonBefore = wonBy(SELLER, today);
        long everyonesWonBefore = wonBy(null, today);
        browser.signIn(stack.webAppUrl(), SELLER, stack.password(SELLER));
        assertThat(browser.path()).as("a seller's first page").isEqualTo("/pipeline");

        WebElement register = browser.driver().findElement(By.id("register"));
        type(register, "displayName", name);
        type(register, "company", "Acme Bakery");
        type(register, "estimatedValue", "1500.00");
        register.findElement(By.id("register-submit")).click();

        assertThat(browser.text("notice")).startsWith("Registered.");
        String id = browser.driver().findElement(By.id("prospect")).getAttribute("data-prospect");
        JsonNode registered = asSeller.get(prospects + "/prospects/" + id).body();
        assertThat(registered.path("displayName").asText()).isEqualTo(name);
        assertThat(registered.path("company").asText()).isEqualTo("Acme Bakery");
        assertThat(registered.path("owner").asText()).isEqualTo(SELLER);
        assertThat(registered.path("source").asText()).isEqualTo("SALES");
        assertThat(registered.path("estimatedValueMinor").asLong()).as("1500.00 in cents").isEqualTo(150_000);
        assertThat(browser.text("stage")).isEqualTo("Found");

        browser.go("/pipeline");
        WebElement card = browser.driver().findElement(By.cssSelector("#stage-FOUND #prospect-" + id));
        assertThat(card.getText()).contains(name, "Acme Bakery", "Hunted", SELLER, "USD 1,500.00");
        assertThat(card.getAttribute("data-value")).isEqualTo("150000");
        assertThat(Integer.parseInt(browser.driver().findElement(By.id("stage-FOUND")).getAttribute("data-count")))
                .as("the column counts what the API lists as found")
                .isEqualTo(asSeller.get(prospects + "/prospects?stage=FOUND&size=500").body().path("total")
                        .asInt());
        browser.screenshot("pipeline");
        try (AutoCloseable phone = browser.asPhone()) {
            Number width = (Number) ((JavascriptExecutor) browser.driver()).executeScript(
                    "return document.documentElement.scrollWidth");
            assertThat(width.intValue()).as("on a phone the stages scroll inside the board, not the page")
                    .isLessThanOrEqualTo(Browser.PHONE_WIDTH);
            browser.screenshot("pipeline-phone");
        }

        card.findElement(By.cssSelector("a.pipeline-name")).click();
        browser.waitUntil("the prospect page", d -> d.findElements(By.id("contact-submit")).size() == 1);
        browser.driver().findElement(By.id("contact-submit")).click();
        assertThat(browser.text("notice")).isEqualTo("Marked as contacted.");
        assertThat(browser.text("stage")).isEqualTo("Contacted");
        assertThat(asSeller.get(prospects + "/prospects/" + id).body().path("stage").asText()).isEqualTo("CONTACTED");
        assertThat(browser.findAll(By.id("contact-submit"))).as("contacted once only").isEmpty();

        raise("PRICE", "Fifteen hundred all at once is a lot for us");
        JsonNode objection = onlyObjectionOf(id);
        assertThat(objection.path("category").asText()).isEqualTo("PRICE");
        assertThat(objection.path("status").asText()).isEqualTo("OPEN");
        List<String> winners = new ArrayList<>();
        for (JsonNode bridge : asSeller.get(objections + "/objections/playbook?category=PRICE&limit=20").body()
                .path("bridges")) {
            if (bridge.path("prospectsWon").asLong() > 0 && winners.size() < 3) {
                winners.add(bridge.path("bridge").asText());
            }
        }
        assertThat(winners).as("the demo story won customers over price with a bridge").isNotEmpty();
        String item = "#objection-" + objection.path("id").asText();
        List<String> suggested = browser.findAll(By.cssSelector(item + " li.suggestion")).stream()
                .map(suggestion -> suggestion.getAttribute("data-bridge")).toList();
        assertThat(suggested).as("the playbook's winning price bridges, best first").isEqualTo(winners);
        browser.screenshot("prospect");
        browser.phoneScreenshot("prospect-phone");

        browser.driver().findElement(By.cssSelector(item + " li.suggestion button")).click();
        assertThat(browser.text("notice")).startsWith("Objection resolved");
        JsonNode resolved = onlyObjectionOf(id);
        assertThat(resolved.path("status").asText()).isEqualTo("RESOLVED");
        assertThat(resolved.path("bridge").asText()).isEqualTo(winners.get(0));
        assertThat(browser.driver().findElement(By.cssSelector(item + " .bridge-used")).getText())
                .isEqualTo(winners.get(0));

        WebElement win = browser.driver().findElement(By.id("win"));
        assertThat(win.findElement(By.name("value")).getAttribute("value")).as("the estimate, to confirm")
                .isEqualTo("1500.00");
        win.findElement(By.id("win-submit")).click();
        assertThat(browser.text("notice")).isEqualTo("Won: a new customer.");
        assertThat(browser.text("stage")).isEqualTo("Won");
        JsonNode won = asSeller.get(prospects + "/prospects/" + id).body();
        assertThat(won.path("stage").asText()).isEqualTo("WON");
        assertThat(won.path("wonValueMinor").asLong()).isEqualTo(150_000);
        assertThat(browser.findAll(By.id("win"))).as("a won prospect takes no more steps").isEmpty();
        assertThat(browser.findAll(By.id("raise"))).as("nor objections").isEmpty();

        await("analytics-service's funnel counts sam's win").atMost(CATCH_UP).pollInterval(Duration.ofSeconds(1))
                .until(() -> wonBy(SELLER, today) == wonBefore + 1);
        browser.go("/pipeline");
        assertThat(browser.findAll(By.cssSelector("#stage-WON #prospect-" + id))).as("in the won column").hasSize(1);

        // The owner's view of it: the Funnel page, for the prospects found today, counts one more won.
        browser.forgetSessions();
        browser.signIn(stack.webAppUrl(), MANAGER, stack.password(MANAGER));
        browser.go("/funnel?from=" + today + "&to=" + today);
        assertThat(browser.driver().findElement(By.id("stage-won")).getAttribute("data-count"))
                .as("the Funnel page's won, found today").isEqualTo(Long.toString(everyonesWonBefore + 1))
                .isEqualTo(Long.toString(wonBy(null, today)));
        browser.screenshot("funnel-after-a-win");
    }

    @Test
    void anotherSellerNeitherSeesNorReachesSamsProspectButAManagerSeesIt() {
        browser.signIn(stack.webAppUrl(), OTHER_SELLER, stack.password(OTHER_SELLER));
        browser.go("/pipeline");
        assertThat(browser.findAll(By.id("pipeline-board"))).hasSize(1);
        assertThat(browser.findAll(By.id("prospect-" + samsProspect))).isEmpty();
        assertThat(browser.findAll(By.cssSelector(".pipeline-card")).stream()
                .map(card -> card.getAttribute("data-owner")).distinct().toList())
                .as("only alex's own").allMatch(OTHER_SELLER::equals);

        browser.go("/pipeline/prospects/" + samsProspect);
        assertThat(browser.visibleText()).contains("Not Found (404)", "Prospect " + samsProspect + " does not exist");
        assertThat(browser.findAll(By.id("prospect"))).isEmpty();

        browser.forgetSessions();
        browser.signIn(stack.webAppUrl(), MANAGER, stack.password(MANAGER));
        browser.go("/pipeline");
        WebElement card = browser.driver().findElement(By.id("prospect-" + samsProspect));
        assertThat(card.getAttribute("data-owner")).isEqualTo(SELLER);
        assertThat(browser.findAll(By.id("owner"))).as("a manager names the seller").hasSize(1);
    }

    @Test
    void aRegistrationWithoutANameShowsTheServicesWordsNextToTheNameAndKeepsWhatWasTyped() throws Exception {
        RestClient.Reply refusal = asSeller.post(prospects + "/prospects", Map.of("displayName", "",
                "company", "Nameless Ltd", "source", "SALES"));
        assertThat(refusal.status()).isEqualTo(400);
        String message = refusal.body().path("violations").get(0).path("message").asText();
        long before = asSeller.get(prospects + "/prospects?size=1").body().path("total").asLong();
        browser.signIn(stack.webAppUrl(), SELLER, stack.password(SELLER));
        browser.go("/pipeline");

        WebElement register = browser.driver().findElement(By.id("register"));
        type(register, "company", "Nameless Ltd");
        type(register, "estimatedValue", "12,50");
        register.findElement(By.id("register-submit")).click();

        assertThat(browser.text("error-displayName")).isEqualTo(message);
        WebElement again = browser.driver().findElement(By.id("register"));
        assertThat(again.findElement(By.cssSelector(".problem[role=alert]")).getText())
                .contains("Nothing was registered");
        assertThat(again.findElement(By.name("company")).getAttribute("value")).isEqualTo("Nameless Ltd");
        assertThat(again.findElement(By.name("estimatedValue")).getAttribute("value")).isEqualTo("12,50");
        assertThat(asSeller.get(prospects + "/prospects?size=1").body().path("total").asLong())
                .as("nothing registered").isEqualTo(before);
    }

    @Test
    void aStepOrObjectionTheServicesRefuseShowsTheirWordsNextToTheFieldAndChangesNothing() throws Exception {
        RestClient.Reply noValue = asSeller.post(prospects + "/prospects/" + samsProspect + "/win",
                Map.of("valueMinor", 0));
        assertThat(noValue.status()).isEqualTo(400);
        String valueMessage = noValue.body().path("violations").get(0).path("message").asText();
        RestClient.Reply nothingSaid = asSeller.post(objections + "/objections", Map.of("prospectId", samsProspect,
                "category", "PRICE", "statement", ""));
        assertThat(nothingSaid.status()).isEqualTo(400);
        String statementMessage = nothingSaid.body().path("violations").get(0).path("message").asText();
        browser.signIn(stack.webAppUrl(), SELLER, stack.password(SELLER));
        browser.go("/pipeline/prospects/" + samsProspect);

        WebElement win = browser.driver().findElement(By.id("win"));
        type(win, "value", "0");
        win.findElement(By.id("win-submit")).click();
        assertThat(browser.text("error-value")).isEqualTo(valueMessage);
        assertThat(browser.driver().findElement(By.id("win")).findElement(By.name("value")).getAttribute("value"))
                .isEqualTo("0");
        assertThat(browser.text("stage")).isEqualTo("Found");

        browser.driver().findElement(By.id("raise-submit")).click();
        assertThat(browser.text("error-statement")).isEqualTo(statementMessage);
        assertThat(browser.findAll(By.id("error-value"))).as("the win form is as it was").isEmpty();
        assertThat(asSeller.get(prospects + "/prospects/" + samsProspect).body().path("stage").asText())
                .isEqualTo("FOUND");
        assertThat(asSeller.get(objections + "/objections?prospectId=" + samsProspect).body().path("total")
                .asLong()).as("nothing written down").isZero();
    }

    /** Raises through the page's form; again should the page say objection-service has not heard of it yet. */
    private static void raise(String category, String statement) {
        for (int attempt = 1; ; attempt++) {
            WebElement form = browser.driver().findElement(By.id("raise"));
            new Select(form.findElement(By.name("category"))).selectByValue(category);
            type(form, "statement", statement);
            form.findElement(By.id("raise-submit")).click();
            browser.waitUntil("the objection written down or refused",
                    d -> !d.findElements(By.id("notice")).isEmpty() || !d.findElements(By.id("raise-problem"))
                            .isEmpty());
            if (!browser.findAll(By.id("notice")).isEmpty() || attempt == 3) {
                assertThat(browser.text("notice")).startsWith("Objection written down.");
                return;
            }
        }
    }

    private static JsonNode onlyObjectionOf(String prospect) throws Exception {
        JsonNode items = asSeller.get(objections + "/objections?prospectId=" + prospect).body().path("items");
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    /** What analytics-service's funnel counts as won among the seller's (everyone's: null) prospects found that day. */
    private static long wonBy(String owner, LocalDate day) throws Exception {
        RestClient.Reply funnel = asManager.get(analytics + "/funnel?from=" + day + "&to=" + day
                + (owner == null ? "" : "&owner=" + owner));
        assertThat(funnel.status()).isEqualTo(200);
        return funnel.body().path("stages").path("won").asLong();
    }

    private static void type(WebElement form, String name, String text) {
        WebElement input = form.findElement(By.name(name));
        input.clear();
        input.sendKeys(text);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}

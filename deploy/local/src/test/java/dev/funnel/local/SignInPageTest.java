package dev.funnel.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Signing in to the web app as a person does, in a real Chromium: through Keycloak's own sign-in page (the shared
 * {@link WebAppStack} trusts {@link TestKeycloak}), back to the web app with the page saying who is signed in, and
 * out again, at Keycloak too.
 */
class SignInPageTest extends WebAppPageTest {


    @BeforeEach
    void nobodySignedIn() {
        browser.forgetSessions();
    }

    @Test
    void aVisitWithoutASessionLeadsToKeycloaksSignInPage() throws Exception {
        browser.go(stack.webAppUrl() + "/playbook");

        browser.awaitSignInForm();
        assertThat(browser.currentUrl()).startsWith(stack.stack().oidcUrl() + "/protocol/openid-connect/auth?");
        assertThat(browser.currentUrl()).contains("client_id=" + LocalRealm.WEB_CLIENT);
        assertThat(browser.driver().findElement(By.id("username")).isDisplayed()).isTrue();
        assertThat(browser.driver().findElement(By.id("password")).isDisplayed()).isTrue();
        browser.screenshot("sign-in");
        Path phone = browser.phoneScreenshot("sign-in-phone");
        assertThat(ImageIO.read(phone.toFile()).getWidth()).as("390 CSS pixels at twice the density")
                .isEqualTo(2 * Browser.PHONE_WIDTH);
        assertThat(ImageIO.read(browser.screenshot("sign-in").toFile()).getWidth()).as("desktop again")
                .isEqualTo(1280);
    }

    @Test
    void theOwnerSignsInAndIsBackOnHerFirstPageSignedInAsHerself() {
        browser.signIn(stack.webAppUrl(), "olivia", stack.password("olivia"));

        assertThat(browser.currentUrl()).startsWith(stack.webAppUrl());
        assertThat(browser.text("signed-in-as")).isEqualTo("olivia");
        assertThat(browser.path()).as("a marketer's first page").isEqualTo("/today");
        assertThat(navigation()).containsExactly("nav-today", "nav-garden", "nav-harvest", "nav-funnel",
                "nav-pipeline", "nav-playbook");
    }

    @Test
    void aSellerSignsInToTheSellersPagesOnly() {
        browser.signIn(stack.webAppUrl(), "sam", stack.password("sam"));

        assertThat(browser.text("signed-in-as")).isEqualTo("sam");
        assertThat(browser.path()).as("a seller's first page").isEqualTo("/pipeline");
        assertThat(navigation()).containsExactly("nav-pipeline", "nav-playbook");
    }

    @Test
    void aWrongPasswordStaysOnKeycloaksPageWithItsError() {
        browser.go(stack.webAppUrl() + "/");

        browser.submitSignIn("olivia", stack.password("olivia") + "-wrong");

        // Keycloak's login theme (keycloak.v2) shows the error under the user name field.
        String error = browser.text("input-error-username");
        assertThat(error).isEqualTo("Invalid username or password.");
        assertThat(browser.currentUrl()).startsWith(stack.stack().oidcUrl());
        assertThat(browser.findAll(By.id("signed-in-as"))).isEmpty();
        browser.awaitSignInForm();
    }

    @Test
    void signingOutEndsTheSessionAtKeycloakTooSoTheNextVisitAsksToSignIn() {
        browser.signIn(stack.webAppUrl(), "olivia", stack.password("olivia"));

        browser.signOut();

        assertThat(browser.currentUrl()).startsWith(stack.webAppUrl());
        assertThat(browser.findAll(By.id("signed-in-as"))).isEmpty();
        browser.go(stack.webAppUrl() + "/playbook");
        browser.awaitSignInForm();
        assertThat(browser.currentUrl()).startsWith(stack.stack().oidcUrl());
    }

    /** The ids of the navigation's links, in order. */
    private static List<String> navigation() {
        return browser.findAll(By.cssSelector("nav a")).stream().map(link -> link.getAttribute("id")).toList();
    }
}

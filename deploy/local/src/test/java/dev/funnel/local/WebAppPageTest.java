package dev.funnel.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every test of the web app's pages starts from: a Chromium of its own for the class, on the one shared
 * {@link WebAppStack}; skipped where no browser is installed unless it is required (see {@link RequiresBrowser}).
 * A class's own {@code @BeforeAll} runs after this one's, so it can use both.
 */
@ExtendWith(RequiresBrowser.class)
abstract class WebAppPageTest {

    static Browser browser;
    static WebAppStack stack;

    @BeforeAll
    static void openABrowserOnTheSharedStack() throws Exception {
        browser = Browser.open();
        stack = WebAppStack.get();
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}

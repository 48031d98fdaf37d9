package dev.funnel.local;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real Chromium, headless, driven through chromedriver as a person would use the web app: through Keycloak's own
 * sign-in form, by links and forms, reading what the page shows. Debian's {@code chromium} and
 * {@code chromium-driver} are used where they are installed (or where {@code FUNNEL_CHROMIUM} and
 * {@code FUNNEL_CHROMEDRIVER}, or the system properties {@code funnel.chromium} and {@code funnel.chromedriver},
 * point); Selenium Manager is never asked, so nothing is downloaded. Without them a browser test class (marked
 * {@code @ExtendWith(RequiresBrowser.class)}) is skipped with a message, unless {@code FUNNEL_REQUIRE_BROWSER=1} (as
 * CI sets it) makes that a failure; {@link #open} checks the same.
 *
 * <p>Every wait is a {@link WebDriverWait} for something the page shows; one that times out fails with where the
 * browser is, what it shows and a screenshot of it.
 */
final class Browser implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final Path SCREENSHOTS = Path.of(System.getProperty("funnel.home", "../..")).toAbsolutePath()
            .resolve("deploy/local/target/screenshots");
    static final int PHONE_WIDTH = 390;
    static final int PHONE_HEIGHT = 844;
    private static final int SHOWN_TEXT = 3_000;

    /** Where Chromium and chromedriver are, once known to be there. */
    record Installation(Path chromium, Path chromedriver) {

        static final String REQUIRE = "FUNNEL_REQUIRE_BROWSER";

        /**
         * The installation the system properties, the environment or Debian's paths name; when it is not there,
         * the calling test is skipped with the reason, or fails with it when {@value #REQUIRE} is 1.
         */
        static Installation require(Map<String, String> environment, Properties properties) {
            Installation installation = new Installation(
                    Path.of(properties.getProperty("funnel.chromium",
                            environment.getOrDefault("FUNNEL_CHROMIUM", "/usr/bin/chromium"))),
                    Path.of(properties.getProperty("funnel.chromedriver",
                            environment.getOrDefault("FUNNEL_CHROMEDRIVER", "/usr/bin/chromedriver"))));
            List<Path> missing = List.of(installation.chromium, installation.chromedriver).stream()
                    .filter(path -> !Files.isExecutable(path)).toList();
            if (missing.isEmpty()) {
                return installation;
            }
            String reason = "no browser for the browser tests: " + missing + " missing; install Debian's packages "
                    + "(apt-get install chromium chromium-driver) or point FUNNEL_CHROMIUM and FUNNEL_CHROMEDRIVER "
                    + "at a Chromium and its chromedriver";
            if ("1".equals(environment.get(REQUIRE))) {
                throw new IllegalStateException(reason + " (" + REQUIRE + "=1: a missing browser is a failure)");
            }
            return Assumptions.abort(reason + "; skipped (" + REQUIRE + "=1 makes this a failure)");
        }
    }

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;
    private String webAppUrl;

    private Browser(ChromeDriverService service, ChromeDriver driver, Path profile) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
    }

    /** A fresh Chromium (a new profile: no cookies, no cache), its window desktop-sized. */
    static Browser open() throws IOException {
        Installation installation = Installation.require(System.getenv(), System.getProperties());
        Path profile = Files.createTempDirectory("funnel-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(installation.chromium().toFile());
        // The machine has no internet: without these Chromium keeps trying to reach Google's services.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--no-default-browser-check", "--user-data-dir=" + profile,
                "--window-size=1280,900", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(installation.chromedriver().toFile()).usingAnyFreePort().build();
        try {
            return new Browser(service, new ChromeDriver(service, options), profile);
        } catch (RuntimeException e) {
            service.stop();
            DataDirectory.delete(profile);
            throw e;
        }
    }

    WebDriver driver() {
        return driver;
    }

    /** Opens a path of the web app signed in to last ({@code /playbook}), or any absolute URL. */
    void go(String pathOrUrl) {
        if (pathOrUrl.startsWith("http://") || pathOrUrl.startsWith("https://")) {
            driver.get(pathOrUrl);
            return;
        }
        if (webAppUrl == null) {
            throw new IllegalStateException("go(" + pathOrUrl + "): which web app? sign in first, or give a URL");
        }
        driver.get(webAppUrl + pathOrUrl);
    }

    /**
     * Signs in through Keycloak's real form, starting from the web app's {@code /}, and waits until the browser is
     * back on the web app with the page saying who is signed in.
     */
    void signIn(String webAppUrl, String user, String password) {
        this.webAppUrl = webAppUrl.endsWith("/") ? webAppUrl.substring(0, webAppUrl.length() - 1) : webAppUrl;
        driver.get(this.webAppUrl + "/");
        submitSignIn(user, password);
        waitUntil("back on " + this.webAppUrl + " signed in as " + user,
                d -> d.getCurrentUrl().startsWith(this.webAppUrl)
                        && d.findElements(By.id("signed-in-as")).stream().anyMatch(e -> e.getText().equals(user)));
    }

    /** Waits for Keycloak's sign-in form, where a visit without a session leads. */
    void awaitSignInForm() {
        waitUntil("Keycloak's sign-in form", ExpectedConditions.visibilityOfElementLocated(By.id("kc-login")));
    }

    /** Fills Keycloak's sign-in form and sends it; where that leads is for the caller to wait for. */
    void submitSignIn(String user, String password) {
        awaitSignInForm();
        WebElement name = driver.findElement(By.id("username"));
        name.clear();
        name.sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
    }

    /**
     * Signs out through the web app's {@code /logout} (which signs out at Keycloak too) and waits until Keycloak has
     * sent the browser back to the web app, on a page that shows nobody signed in.
     */
    void signOut() {
        go("/logout");
        waitUntil("signed out and back on " + webAppUrl, d -> {
            // Keycloak asks before signing out when the request does not say whose session it ends.
            List<WebElement> confirm = d.findElements(By.id("kc-logout"));
            if (!confirm.isEmpty()) {
                confirm.get(0).click();
                return false;
            }
            return d.getCurrentUrl().startsWith(webAppUrl) && !d.getCurrentUrl().contains("/logout")
                    && d.findElements(By.id("signed-in-as")).isEmpty();
        });
    }

    /**
     * Forgets every cookie of every site (the web app's session and Keycloak's), as a new browser would: the next
     * visit signs in afresh. WebDriver's own deleteAllCookies reaches only the current page's.
     */
    void forgetSessions() {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }

    /** The current page's path, without query: {@code /playbook}. */
    String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    /** The visible text of the element with this id, once it is shown. */
    String text(String id) {
        return waitUntil("#" + id + " shown", ExpectedConditions.visibilityOfElementLocated(By.id(id))).getText();
    }

    /** Elements now on the page (none is not a failure: see {@link #waitUntil} to wait for some). */
    List<WebElement> findAll(By locator) {
        return driver.findElements(locator);
    }

    /** The page's text as a person sees it. */
    String visibleText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /**
     * Waits until {@code condition} gives something other than null or false, and returns it; fails with what was
     * awaited, where the browser is, what it shows and a screenshot.
     */
    <T> T waitUntil(String what, Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(condition);
        } catch (TimeoutException e) {
            throw new AssertionError("waited " + WAIT.toSeconds() + " s for " + what + "; " + whereItIs(), e);
        }
    }

    /** Where the browser is and what it shows, for a failure's message; with a screenshot of it. */
    String whereItIs() {
        String url = driver.getCurrentUrl();
        String title = driver.getTitle();
        String text;
        try {
            text = visibleText();
        } catch (RuntimeException e) {
            text = "(no text: " + e.getMessage() + ")";
        }
        if (text.length() > SHOWN_TEXT) {
            text = text.substring(0, SHOWN_TEXT) + " ...";
        }
        String shot;
        try {
            shot = screenshot("failed-" + LocalTime.now().format(DateTimeFormatter.ofPattern("HHmmss-SSS")))
                    .toString();
        } catch (IOException | RuntimeException e) {
            shot = "none (" + e.getMessage() + ")";
        }
        return "the browser is at " + url + " (title \"" + title + "\"), screenshot " + shot + ", showing:\n" + text;
    }

    /** The whole page, not just the window, as {@code target/screenshots/<name>.png}. */
    Path screenshot(String name) throws IOException {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "scale", 1,
                "width", ((Number) content.get("width")).doubleValue(),
                "height", ((Number) content.get("height")).doubleValue());
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        return file;
    }

    /**
     * Makes the page a phone's ({@value #PHONE_WIDTH} x {@value #PHONE_HEIGHT} CSS pixels, touch, twice the pixel
     * density) until the returned handle is closed: for a screenshot or a check of the narrow layout.
     */
    AutoCloseable asPhone() {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", PHONE_WIDTH,
                "height", PHONE_HEIGHT, "deviceScaleFactor", 2, "mobile", true));
        return () -> driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /** The current page as a phone shows it, as {@code target/screenshots/<name>.png}. */
    Path phoneScreenshot(String name) throws Exception {
        try (AutoCloseable phone = asPhone()) {
            return screenshot(name);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            try {
                DataDirectory.delete(profile);
            } catch (IOException e) {
                // A temporary profile left behind costs disk, not correctness.
            }
        }
    }
}

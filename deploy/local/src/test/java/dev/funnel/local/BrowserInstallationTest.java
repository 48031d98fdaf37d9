package dev.funnel.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** Where the browser tests find Chromium, and what they do without it: skip, or fail where CI requires it. */
class BrowserInstallationTest {

    @TempDir
    Path directory;

    @Test
    void withoutChromiumTheBrowserTestsAreSkippedSayingHowToInstallIt() {
        Map<String, String> environment = Map.of("FUNNEL_CHROMIUM", directory.resolve("no-chromium").toString());

        assertThatThrownBy(() -> Browser.Installation.require(environment, new Properties()))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("no-chromium")
                .hasMessageContaining("apt-get install chromium chromium-driver")
                .hasMessageContaining("FUNNEL_REQUIRE_BROWSER=1 makes this a failure");
    }

    @Test
    void withoutChromiumWhereABrowserIsRequiredTheyFailSayingHowToInstallIt() {
        Map<String, String> environment = Map.of("FUNNEL_CHROMEDRIVER", directory.resolve("no-driver").toString(),
                "FUNNEL_REQUIRE_BROWSER", "1");

        assertThatThrownBy(() -> Browser.Installation.require(environment, new Properties()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no-driver")
                .hasMessageContaining("apt-get install chromium chromium-driver");
    }

    @Test
    void aSystemPropertyNamesTheBrowserBeforeTheEnvironmentDoes() throws Exception {
        Path chromium = Files.createFile(directory.resolve("chromium"));
        Path driver = Files.createFile(directory.resolve("chromedriver"));
        assertThat(chromium.toFile().setExecutable(true) && driver.toFile().setExecutable(true)).isTrue();
        Properties properties = new Properties();
        properties.setProperty("funnel.chromium", chromium.toString());
        properties.setProperty("funnel.chromedriver", driver.toString());

        Browser.Installation found = Browser.Installation.require(Map.of("FUNNEL_CHROMIUM", "/nowhere",
                "FUNNEL_REQUIRE_BROWSER", "1"), properties);

        assertThat(found).isEqualTo(new Browser.Installation(chromium, driver));
    }
}

package dev.funnel.events;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** What happens on a machine without Node: a skip that says how to install it, or a failure where CI requires it. */
class NodeToolsTest {

    @Test
    void withoutNodeTheChecksAreSkippedSayingHowToInstallIt(@TempDir Path emptyPath) {
        assertThatThrownBy(() -> NodeTools.require(Map.of("PATH", emptyPath.toString())))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("apt-get install nodejs npm")
                .hasMessageContaining("FUNNEL_REQUIRE_NODE=1 makes this a failure");
    }

    @Test
    void withoutNodeWhereNodeIsRequiredTheChecksFail(@TempDir Path emptyPath) {
        assertThatThrownBy(() -> NodeTools.require(Map.of("PATH", emptyPath.toString(), "FUNNEL_REQUIRE_NODE", "1")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("node is not on the PATH")
                .hasMessageContaining("apt-get install nodejs npm");
    }
}

package dev.funnel.deploy.checks;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** Without promtool the checks that need it are skipped, except where CI says it must be there. */
class PromtoolTest {

    @Test
    void aMissingPromtoolSkipsTheCheckSayingWhatWentUnchecked() {
        assertThatThrownBy(() -> Promtool.require(false, "the rules were not parsed", Map.of()))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("the rules were not parsed")
                .hasMessageContaining("FUNNEL_REQUIRE_PROMTOOL=1 makes this a failure");
    }

    @Test
    void aMissingPromtoolFailsWhereItIsRequired() {
        assertThatThrownBy(() -> Promtool.require(false, "the rules were not parsed",
                Map.of(Promtool.REQUIRE, "1")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the rules were not parsed");
    }

    @Test
    void anInstalledPromtoolLetsTheCheckRun() {
        assertThatCode(() -> Promtool.require(true, "nothing", Map.of(Promtool.REQUIRE, "1")))
                .doesNotThrowAnyException();
    }
}

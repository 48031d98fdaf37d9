package dev.funnel.deploy.checks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * In a cluster every JVM runs with full JIT and a heap sized from its container's memory limit
 * (components/jvm): the image's run-java.sh reads JAVA_MAX_MEM_RATIO, and no variable hands the JVM the local
 * stack's small settings or replaces the options the image already passes.
 */
class JvmSettingsTest {

    static final List<String> OVERLAYS = Kustomize.OVERLAYS;

    /** Read by the JVM itself or by run-java.sh; any of them could carry a flag that undoes the settings. */
    private static final List<String> JVM_OPTION_VARIABLES = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS",
            "_JAVA_OPTIONS", "JAVA_OPTS", "JAVA_OPTS_APPEND", "JAVA_OPTIONS");
    /** The local stack's settings (deploy/local ServiceProcess): smaller and quicker to start, slower to run. */
    private static final List<String> SMALL_SETTINGS = List.of("TieredStopAtLevel", "-Xmx", "-XX:MaxHeapSize",
            "-XX:+UseSerialGC", "-XX:CICompilerCount", "-Xint");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyJvmInAnOverlayHasFullJitAndAHeapSizedFromItsMemoryLimit(String overlay) {
        List<JsonNode> manifests = Kustomize.render(Kustomize.overlay(overlay));
        SoftAssertions softly = new SoftAssertions();
        for (String workload : Repository.workloads()) {
            JsonNode container = WorkloadsTest.container(manifests, ServiceFacts.of(workload));
            Map<String, String> environment = WorkloadsTest.environmentValues(manifests, container);
            String ratio = environment.getOrDefault("JAVA_MAX_MEM_RATIO", "");
            softly.assertThat(percent(ratio)).as("%s (%s) JAVA_MAX_MEM_RATIO=%s", workload, overlay, ratio)
                    .isGreaterThanOrEqualTo(50).isLessThanOrEqualTo(80);
            softly.assertThat(container.path("resources").path("limits").path("memory").asText())
                    .as("%s (%s): a memory limit for the heap to be sized from", workload, overlay).isNotBlank();
            for (String variable : JVM_OPTION_VARIABLES) {
                String value = environment.get(variable);
                if (variable.startsWith("JAVA_OPTS")) {
                    // The image's own JAVA_OPTS_APPEND (the log manager, the host) would be replaced, not added to.
                    softly.assertThat(value).as("%s (%s) sets %s", workload, overlay, variable).isNull();
                } else if (value != null) {
                    for (String flag : SMALL_SETTINGS) {
                        softly.assertThat(value).as("%s (%s) %s", workload, overlay, variable).doesNotContain(flag);
                    }
                }
            }
        }
        softly.assertAll();
    }

    private static double percent(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}

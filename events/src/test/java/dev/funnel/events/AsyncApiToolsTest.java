package dev.funnel.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opentest4j.TestAbortedException;

/**
 * The AsyncAPI document passes the official parser ({@code @asyncapi/parser}), which would fail the build on an
 * invalid one, and is rendered to {@code events/target/asyncapi/index.html} for other teams.
 */
class AsyncApiToolsTest {

    private static final Path DOCUMENT = Path.of("src", "main", "resources", "asyncapi.yaml").toAbsolutePath();

    private static NodeTools tools;
    private static Path installed;

    @BeforeAll
    static void installTheParser() {
        tools = NodeTools.require(System.getenv());
        installed = tools.install();
    }

    @Test
    void theDocumentPassesTheOfficialParserWithNoErrorOrWarning() {
        NodeTools.Run check = tools.asyncApi(installed, "check", DOCUMENT.toString());

        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("VALID " + DOCUMENT).doesNotContain("error:", "warning:");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "an operation that publishes (AsyncAPI 2) | action: send | action: publish"
            + " | /operations/sendProspects/action",
        "a message $ref that resolves to nothing | messages/ProspectWon' | messages/ProspectWonn'"
            + " | /operations/sendProspects/messages/2/$ref: '#/components/messages/ProspectWonn' does not exist",
        "a channel address that is no string | address: funnel.prospects.v1 | address: [funnel.prospects.v1]"
            + " | /channels/prospects/address",
    })
    void aBrokenCopyOfTheDocumentFailsTheCheckNamingWhere(String breakage, String original, String broken,
            String expectedError, @TempDir Path directory) throws IOException {
        Path copy = brokenCopy(directory, original.strip(), broken.strip());

        NodeTools.Run check = tools.asyncApi(installed, "check", copy.toString());

        assertThat(check.exitCode()).as(breakage + ":\n" + check.output()).isEqualTo(1);
        assertThat(check.output()).contains("INVALID " + copy).contains("error: ").contains(expectedError.strip());
    }

    @Test
    void theDocumentIsRenderedToHtmlWithEveryEventAndItsPayloadSchemaInline() throws IOException {
        Path output = Path.of("target", "asyncapi").toAbsolutePath();

        NodeTools.Run render = tools.asyncApi(installed, "render", DOCUMENT.toString(), output.toString());

        assertThat(render.exitCode()).as(render.output()).isZero();
        String page = Files.readString(output.resolve("index.html"), StandardCharsets.UTF_8);
        assertThat(page).contains("<title>Funnel platform events", "asyncapi-ui.js", "asyncapi.css");
        for (EventType type : EventType.values()) {
            // The payload schemas live in files beside the document: the page carries them resolved.
            assertThat(page).contains(type.ceType(), type.dataSchema().toString());
        }
        assertThat(output.resolve("asyncapi-ui.js")).isNotEmptyFile();
        assertThat(output.resolve("asyncapi.css")).isNotEmptyFile();
    }

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

    /** The document with one text replaced, beside a copy of the schema files its payloads refer to. */
    private static Path brokenCopy(Path directory, String original, String broken) throws IOException {
        String text = Files.readString(DOCUMENT, StandardCharsets.UTF_8);
        assertThat(text).as("the document to break").contains(original);
        Path schemas = Files.createDirectories(directory.resolve("schemas"));
        for (EventType type : EventType.values()) {
            Path schema = Path.of("src", "main", "resources").resolve(type.schemaResource());
            Files.copy(schema, schemas.resolve(schema.getFileName()));
        }
        return Files.writeString(directory.resolve("asyncapi.yaml"), text.replace(original, broken),
                StandardCharsets.UTF_8);
    }
}

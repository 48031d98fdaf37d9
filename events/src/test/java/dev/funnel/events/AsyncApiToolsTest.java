package dev.funnel.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AsyncAPI document passes the official parser ({@code @asyncapi/parser}), which fails the build on an invalid
 * one, and is rendered to {@code events/target/asyncapi/index.html} for other teams. Node runs twice for the class
 * (a few seconds each): once to check and render the document, once to check all the broken copies.
 */
class AsyncApiToolsTest {

    private static final Path DOCUMENT = Path.of("src", "main", "resources", "asyncapi.yaml").toAbsolutePath();
    private static final Path RENDERED = Path.of("target", "asyncapi").toAbsolutePath();

    /** Broken copies of the document: what is replaced, by what, and the error the parser must report. */
    private static final List<List<String>> BREAKAGES = List.of(
            List.of("action: send", "action: publish", "/operations/sendProspects/action"),
            List.of("messages/ProspectWon'", "messages/ProspectWonn'",
                    "/operations/sendProspects/messages/2/$ref: '#/components/messages/ProspectWonn' does not exist"),
            List.of("address: funnel.prospects.v1", "address: [funnel.prospects.v1]", "/channels/prospects/address"));

    @TempDir
    static Path brokenCopies;

    private static NodeTools.Run render;
    private static Map<Path, String> expectedErrors;
    private static NodeTools.Run brokenCheck;

    @BeforeAll
    static void runTheParserOnTheDocumentAndOnBrokenCopies() throws IOException {
        NodeTools tools = NodeTools.require(System.getenv());
        Path installed = tools.install();
        render = tools.asyncApi(installed, "render", DOCUMENT.toString(), RENDERED.toString());
        expectedErrors = new LinkedHashMap<>();
        for (List<String> breakage : BREAKAGES) {
            expectedErrors.put(brokenCopy(brokenCopies.resolve("copy" + expectedErrors.size()), breakage.get(0),
                    breakage.get(1)), breakage.get(2));
        }
        List<String> arguments = new ArrayList<>(List.of("check"));
        expectedErrors.keySet().forEach(copy -> arguments.add(copy.toString()));
        brokenCheck = tools.asyncApi(installed, arguments.toArray(String[]::new));
    }

    @Test
    void theDocumentPassesTheOfficialParserWithNoErrorOrWarning() {
        assertThat(render.exitCode()).as(render.output()).isZero();
        assertThat(render.output()).contains("VALID " + DOCUMENT).doesNotContain(": error: ", ": warning: ");
    }

    @Test
    void everyBrokenCopyOfTheDocumentFailsTheCheckNamingWhere() {
        assertThat(brokenCheck.exitCode()).as(brokenCheck.output()).isEqualTo(1);
        expectedErrors.forEach((copy, error) -> assertThat(brokenCheck.output())
                .contains("INVALID " + copy)
                .contains(copy + ": error: ")
                .contains(error));
    }

    @Test
    void theDocumentIsRenderedToHtmlWithEveryEventAndItsPayloadSchemaInline() throws IOException {
        assertThat(render.exitCode()).as(render.output()).isZero();
        String page = Files.readString(RENDERED.resolve("index.html"), StandardCharsets.UTF_8);
        assertThat(page).contains("<title>Funnel platform events", "asyncapi-ui.js", "asyncapi.css");
        for (EventType type : EventType.values()) {
            // The payload schemas live in files beside the document: the page carries them resolved.
            assertThat(page).contains(type.ceType(), type.dataSchema().toString());
        }
        assertThat(RENDERED.resolve("asyncapi-ui.js")).isNotEmptyFile();
        assertThat(RENDERED.resolve("asyncapi.css")).isNotEmptyFile();
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

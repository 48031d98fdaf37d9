package dev.funnel.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The build's contract check: every schema as it is now against its released copy in {@code contract-baseline/}
 * (see the README there). A refused change fails the build naming the schema, the JSON pointer and the change.
 */
class ContractEvolutionTest {

    private static final String BASELINE = "contract-baseline/";

    /**
     * SHA-256 of each released file, so an edit of a baseline (to make this test pass) fails too. A newly released
     * version adds its line; no line ever changes.
     */
    private static final Map<String, String> RELEASED = Map.of(
            "MarketingActivityLogged.v1.json", "68cfa2cf36d09d36b198ceb5355397a5e1c7083672042149654b5f1edcdb0508",
            "MarketingTechniqueDefined.v1.json", "30bc76f324bc9f1de08933aca7d653f46742219b115720badb917d07902a64cd",
            "ObjectionRaised.v1.json", "00c6cc711891823c7e5f01f1815867c0f7a0e59634bc0a03d8bca5fc89e45ae7",
            "ObjectionResolved.v1.json", "75d3e1b167e90cd70afe6862f368bd37953b8222601ac82368d52d4c36ca6b28",
            "ProspectContacted.v1.json", "518f883a3fb6335e2671b0beb93cdda2ec61f690d75b53893727bc1d1dcd32d9",
            "ProspectFound.v1.json", "5452b9226167460356c8b8ffc62ffdeed3f7e26eae242f2831fa4f1bb1380e27",
            "ProspectLost.v1.json", "d4ad4437aaf1d7889abdd1d67426d2165024b4733c9e9aeb4806c6bb0037c976",
            "ProspectWon.v1.json", "62a1cb0cad91c8561783f641ad7801191eb3b3de0a2012e5bc301b0326a170f5",
            "SalesQuotaSet.v1.json", "dbdffdefd80020ae0b6eaf05a2e8931d8c533e2038961b68c369fd27c4a0300d");

    @ParameterizedTest(name = "{0}")
    @EnumSource(EventType.class)
    void theCurrentSchemaChangesItsReleasedBaselineOnlyInWaysThatKeepReleasedPayloadsValid(EventType type) {
        String file = fileName(type);
        List<SchemaEvolution.Change> changes = SchemaEvolution.compare(
                ContractFiles.readJson(BASELINE + file), ContractFiles.schemaDocument(type));

        List<String> refused = SchemaEvolution.refused(changes).stream().map(change -> file + " " + change).toList();
        assertThat(refused)
                .as("%s changed in a way that breaks the v1 contract; a breaking change is a new version"
                        + " (<EventName>.v2.json on a new topic), see contract-baseline/README.md", file)
                .isEmpty();
    }

    @Test
    void everyReleasedSchemaIsStillShippedAndEveryShippedOneHasItsBaseline() {
        assertThat(Arrays.stream(EventType.values()).map(ContractEvolutionTest::fileName).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(RELEASED.keySet());
        RELEASED.keySet().forEach(file -> assertThat(ContractFiles.resourceExists(BASELINE + file)).as(file).isTrue());
    }

    @Test
    void theReleasedBaselinesAreNeverEdited() {
        RELEASED.forEach((file, sha256) -> assertThat(sha256(BASELINE + file))
                .as("%s%s was edited: a released schema never changes, a new version gets a new file", BASELINE, file)
                .isEqualTo(sha256));
    }

    @Test
    void aBreakingEditOfACurrentSchemaWouldFailTheCheckNamingIt() {
        // The check above over a deliberately broken copy: it must not pass everything.
        JsonNode broken = ContractFiles.schemaDocument(EventType.MARKETING_TECHNIQUE_DEFINED).deepCopy();
        ((ObjectNode) broken.at("/properties/name")).put("maxLength", 40);

        List<SchemaEvolution.Change> refused = SchemaEvolution.refused(SchemaEvolution.compare(
                ContractFiles.readJson(BASELINE + "MarketingTechniqueDefined.v1.json"), broken));

        assertThat(refused).extracting(Object::toString)
                .containsExactly("/properties/name/maxLength: maxLength tightened from 80 to 40");
    }

    private static String fileName(EventType type) {
        return type.schemaResource().substring(type.schemaResource().lastIndexOf('/') + 1);
    }

    private static String sha256(String resource) {
        try (InputStream in = ContractEvolutionTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

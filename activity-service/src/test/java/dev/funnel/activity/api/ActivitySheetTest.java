package dev.funnel.activity.api;

import static dev.funnel.activity.api.ActivityServiceTestSupport.defineTechnique;
import static dev.funnel.activity.api.ActivityServiceTestSupport.uniqueSlug;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import dev.funnel.testing.FunnelTestResources;
import dev.funnel.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A spreadsheet of activities, as one exported from a spreadsheet program in much of Europe: semicolons, a byte
 * order mark, quoted cells with line breaks. Stored together or not at all, every refusal at its row and column.
 */
@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class ActivitySheetTest {

    private static final String CSV = "text/csv; charset=UTF-8";

    @Test
    void aSheetIsStoredLikeABatch() {
        String slug = uniqueSlug("sheet");
        defineTechnique(slug, "DAILY");
        UUID first = UUID.randomUUID();
        String sheet = "\uFEFFid;technique;performedOn;minutesSpent;costMinor;currency;notes\r\n"
                + first + ";" + slug + ";2026-09-01;30;1250;EUR;\"Flyers; 200 of them\"\r\n"
                + ";" + slug + ";2026-09-02;45;;;\"two\r\nlines\"\r\n";

        given().contentType(CSV).body(sheet.getBytes(StandardCharsets.UTF_8))
                .post("/activities")
                .then().statusCode(201)
                .body("created", equalTo(2))
                .body("replayed", equalTo(0));

        given().get("/activities/" + first).then().statusCode(200)
                .body("minutesSpent", equalTo(30))
                .body("costMinor", equalTo(1250))
                .body("notes", equalTo("Flyers; 200 of them"));
        given().queryParam("technique", slug).get("/activities").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.notes", contains("two\r\nlines", "Flyers; 200 of them"));
        // The same sheet again: the row with an id is a replay, the one without is a new activity.
        given().contentType(CSV).body(sheet.getBytes(StandardCharsets.UTF_8))
                .post("/activities")
                .then().statusCode(201)
                .body("created", equalTo(1))
                .body("replayed", equalTo(1));
    }

    @Test
    void invalidCellsAreNamedByRowAndColumnAndNothingIsStored() {
        String slug = uniqueSlug("badsheet");
        defineTechnique(slug, "DAILY");
        String sheet = "technique,performedOn,minutesSpent,currency\n"
                + slug + ",2026-10-01,30,EUR\n"
                + slug + ",2026-10-02,-5,EUR\n"
                + slug + ",01/10/2026,30,EURO\n";

        given().contentType(CSV).body(sheet)
                .post("/activities")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("The sheet has problems in 2 rows; nothing was stored"))
                .body("violations.row", contains(3, 4))
                .body("violations.column", contains("minutesSpent", "performedOn"))
                .body("violations.field", contains("row 3, minutesSpent", "row 4, performedOn"));

        given().queryParam("technique", slug).get("/activities").then().body("total", equalTo(0));
    }

    @Test
    void anUnknownTechniqueIsNamedAtItsRowAndNothingIsStored() {
        String slug = uniqueSlug("known");
        defineTechnique(slug, "DAILY");
        String sheet = "technique,performedOn,minutesSpent\n"
                + slug + ",2026-10-01,30\n"
                + "no-such-technique,2026-10-02,30\n";

        given().contentType(CSV).body(sheet)
                .post("/activities")
                .then().statusCode(400)
                .body("violations.row", contains(3))
                .body("violations.column", contains("technique"));

        given().queryParam("technique", slug).get("/activities").then().body("total", equalTo(0));
    }

    @Test
    void onlyAMarketerLogsASheet() {
        given().auth().oauth2(TestTokens.of("someone", "analyst")).contentType(CSV).body("technique,performedOn,minutesSpent\n")
                .post("/activities")
                .then().statusCode(403);
    }
}

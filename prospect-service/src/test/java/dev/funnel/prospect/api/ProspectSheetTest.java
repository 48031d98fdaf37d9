package dev.funnel.prospect.api;

import static dev.funnel.prospect.api.ProspectTestSupport.typesFor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.funnel.events.CloudEventTypes;
import dev.funnel.testing.FunnelTestResources;
import dev.funnel.testing.KafkaTestClient;
import dev.funnel.testing.TestTokens;
import dev.funnel.web.security.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Prospects brought in from a spreadsheet and taken out to one: registered together or not at all, as a seller
 * or a manager may register them one by one, every refusal at its row and column.
 */
@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class ProspectSheetTest {

    private static final String CSV = "text/csv; charset=UTF-8";
    private static final String MARIA = TestTokens.of("maria", Roles.MANAGER);
    private static final String SAM = TestTokens.of("sam", Roles.SELLER);

    private final KafkaTestClient kafka = KafkaTestClient.shared();

    @Test
    void aManagersSheetRegistersEveryRowAndPublishesEachFound() {
        UUID hunted = UUID.randomUUID();
        UUID farmed = UUID.randomUUID();
        String owner = "sheet-" + hunted.toString().substring(0, 8);
        String sheet = "\uFEFFid;displayName;company;source;technique;owner;estimatedValueMinor;currency\r\n"
                + hunted + ";\"Doe; Jane\";\"ACME\r\nWest\";sales;;" + owner + ";150000;EUR\r\n"
                + farmed + ";Bo;;MARKETING;seo;" + owner + ";;\r\n";

        as(MARIA).contentType(CSV).body(sheet.getBytes(StandardCharsets.UTF_8)).post("/prospects")
                .then().statusCode(201)
                .body("created", equalTo(2))
                .body("replayed", equalTo(0))
                .body("prospects.id", contains(hunted.toString(), farmed.toString()));

        as(MARIA).get("/prospects/" + hunted).then().statusCode(200)
                .body("displayName", equalTo("Doe; Jane"))
                .body("company", equalTo("ACME\r\nWest"))
                .body("source", equalTo("SALES"))
                .body("estimatedValueMinor", equalTo(150000));
        await().atMost(Duration.ofSeconds(30)).until(() -> typesFor(kafka, farmed).size() == 1);
        assertThat(typesFor(kafka, hunted)).containsExactly(CloudEventTypes.PROSPECT_FOUND);

        String exported = as(MARIA).accept("text/csv").queryParam("owner", owner).get("/prospects")
                .then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", equalTo("attachment; filename=\"prospects.csv\""))
                .extract().asString();
        List<String> lines = List.of(exported.split("\r\n(?=[0-9a-f]{8}-)|\r\n$"));
        assertThat(lines.get(0)).startsWith("id,displayName,company,email,phone,personalDataErasedAt,source,"
                + "technique,owner,estimatedValueMinor,currency,stage,foundAt,");
        assertThat(lines).hasSize(3);
        // Quoted only where a comma-separated sheet needs it: the line break, not the semicolon.
        assertThat(exported).contains(hunted + ",Doe; Jane,\"ACME\r\nWest\",,,,SALES,," + owner
                + ",150000,EUR,FOUND,");
    }

    @Test
    void aSellerCannotRegisterASheetForSomeoneElseAndNothingOfItIsStored() {
        UUID mine = UUID.randomUUID();
        UUID theirs = UUID.randomUUID();
        String sheet = "id,displayName,source,owner\n"
                + mine + ",Ann,SALES,\n"
                + theirs + ",Bo,SALES,alex\n";

        as(SAM).contentType(CSV).body(sheet).post("/prospects")
                .then().statusCode(400)
                .body("violations.row", contains(3))
                .body("violations.column", contains("owner"))
                .body("violations[0].message", startsWith("A seller registers prospects for themselves"));

        as(SAM).get("/prospects/" + mine).then().statusCode(404);
    }

    @Test
    void aRowTheJsonWouldRefuseIsRefusedAtItsRowAndColumn() {
        UUID taken = UUID.randomUUID();
        as(SAM).contentType(CSV).body("id,displayName,source\n" + taken + ",Ann,SALES\n").post("/prospects")
                .then().statusCode(201);
        UUID fresh = UUID.randomUUID();

        as(SAM).contentType(CSV).body("id,displayName,source,email\n"
                        + fresh + ",Cy,SALES,\n"
                        + ",Dee,MARKETING,dee@example.com\n"
                        + ",,SALES,not-an-address\n")
                .post("/prospects")
                .then().statusCode(400)
                .body("violations.row", contains(3, 4, 4))
                .body("violations.column", contains("technique", "displayName", "email"));
        // Every cell valid, but one id already holds another prospect: refused at its row, the others not stored.
        as(SAM).contentType(CSV).body("id,displayName,source\n" + fresh + ",Cy,SALES\n" + taken + ",Other,SALES\n")
                .post("/prospects")
                .then().statusCode(400)
                .body("violations.row", contains(3))
                .body("violations.column", contains("id"));
        as(SAM).get("/prospects/" + fresh).then().statusCode(404);
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }
}

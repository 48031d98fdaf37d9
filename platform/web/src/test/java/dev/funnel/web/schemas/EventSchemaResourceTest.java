package dev.funnel.web.schemas;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.funnel.events.EventType;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every service on this library serves the contract's schemas where {@code ce_dataschema} points, to anyone. */
@QuarkusTest
class EventSchemaResourceTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(EventType.class)
    void everySchemaIsServedWithoutATokenAsTheEventsJarShipsIt(EventType type) throws IOException {
        Response response = given().auth().none().get("/schemas/" + type.schemaFileName());

        response.then().statusCode(200)
                .contentType(EventSchemaResource.SCHEMA_JSON)
                .header("Cache-Control", containsString("max-age=3600"))
                .body("$id", equalTo(type.dataSchema().toString()));
        assertThat(response.asByteArray()).isEqualTo(jarSchema(type));
    }

    @Test
    void theIndexListsEverySchemaFile() {
        given().auth().none().get("/schemas")
                .then().statusCode(200)
                .body("schemas", equalTo(Arrays.stream(EventType.values()).map(EventType::schemaFileName).sorted()
                        .toList()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ProspectFound.v2.json", "ProspectFound.json", "prospectfound.v1.json", "x"})
    void anUnknownSchemaIsA404ProblemNamingIt(String file) {
        given().auth().none().get("/schemas/" + file)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", equalTo("No event schema is called '" + file + "'; GET /schemas lists them"));
    }

    @Test
    void aTokenIsNotNeededEvenWhereOneIsSentThatCannotBeChecked() {
        // The platform checks tokens inside JAX-RS (quarkus.http.auth.proactive=false): a public endpoint
        // does not refuse a caller whose token this service cannot verify.
        given().auth().oauth2("not-a-token").get("/schemas/ProspectFound.v1.json")
                .then().statusCode(200);
    }

    private static byte[] jarSchema(EventType type) throws IOException {
        try (InputStream in = EventType.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
            assertThat(in).as(type.schemaResource()).isNotNull();
            return in.readAllBytes();
        }
    }
}

package dev.funnel.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.funnel.testing.ManagementInterface;
import dev.funnel.testing.OperationsCapture;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The bound on requests in flight, at 2. A request is held in flight deterministically by a raw connection that
 * sends its headers, announces a body and never sends it: the route counts it when the headers arrive.
 */
@QuarkusTest
@TestProfile(LoadSheddingTest.TwoAtATime.class)
class LoadSheddingTest {

    public static class TwoAtATime implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("funnel.web.max-requests-in-flight", "2", "funnel.web.shed-retry-after", "PT3S");
        }
    }

    private static final String PROBLEM = "application/problem+json";

    @TestHTTPResource("/echo")
    URI echo;

    private final List<Socket> held = new ArrayList<>();

    @AfterEach
    void letGo() throws IOException {
        for (Socket socket : held) {
            socket.close();
        }
        awaitInFlight(0);
    }

    @Test
    void aRequestPastTheLimitIsRefusedAtOnceWithRetryAfterAndAProblem() throws IOException {
        double shedBefore = metric("funnel_http_requests_shed_total");
        holdTwo();

        given().contentType(ContentType.JSON).body("{\"name\":\"Anna\"}")
                .post("/echo")
                .then().statusCode(503)
                .header("Retry-After", "3")
                .header("Connection", "close")
                .contentType(PROBLEM)
                .body("status", equalTo(503))
                .body("title", equalTo("Service Unavailable"))
                .body("detail", equalTo("The service is at its limit of 2 requests in flight; try again in 3 s"))
                .body("instance", equalTo("/echo"));
        given().get("/echo").then().statusCode(503).header("Retry-After", "3");

        assertThat(metric("funnel_http_requests_shed_total")).isEqualTo(shedBefore + 2);
    }

    @Test
    void theManagementPortIsNeverShed() throws IOException {
        holdTwo();

        ManagementInterface.given().get("/q/health").then().statusCode(200);
        ManagementInterface.given().get("/q/metrics").then().statusCode(200);
        given().get("/echo").then().statusCode(503);
    }

    @Test
    void aClientThatHangsUpMidRequestFreesItsSlot() throws IOException {
        holdTwo();
        given().get("/echo").then().statusCode(503);

        held.remove(0).close();

        awaitInFlight(1);
        given().get("/echo").then().statusCode(200);
    }

    @Test
    void answeredAndFailedRequestsFreeTheirSlots() {
        for (int i = 0; i < 5; i++) {
            given().get("/echo").then().statusCode(200);
            given().contentType(ContentType.JSON).post("/echo/failure").then().statusCode(500);
            given().contentType(ContentType.JSON).body("{\"name\":\"" + "a".repeat(5_000) + "\"}")
                    .post("/echo").then().statusCode(413);
        }
        awaitInFlight(0);
    }

    /** Two requests whose bodies never come, counted in flight before the test goes on. */
    private void holdTwo() throws IOException {
        for (int i = 0; i < 2; i++) {
            Socket socket = new Socket(echo.getHost(), echo.getPort());
            held.add(socket);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /echo HTTP/1.1\r\nHost: " + echo.getHost() + "\r\n"
                    + "Content-Type: application/json; charset=UTF-8\r\nContent-Length: 10\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        awaitInFlight(2);
    }

    private static void awaitInFlight(int expected) {
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(metric("funnel_http_requests_in_flight")).isEqualTo(expected));
    }

    /** A metric without labels, as the management port's /q/metrics shows it. */
    private static double metric(String name) {
        String metrics = ManagementInterface.given().accept(OperationsCapture.TEXT_FORMAT)
                .get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher line = Pattern.compile("(?m)^" + name + " (\\S+)$").matcher(metrics);
        assertThat(line.find()).as("%s on /q/metrics", name).isTrue();
        return Double.parseDouble(line.group(1));
    }
}

package dev.funnel.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpLoadTest {

    private final AtomicLong received = new AtomicLong();
    private final Map<String, String> lastHeaders = new ConcurrentHashMap<>();
    private HttpServer server;
    private URI uri;

    /** Answers 201 with the body it was sent, except every third request: 500. */
    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/things", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            lastHeaders.put("Authorization", exchange.getRequestHeaders().getFirst("Authorization"));
            lastHeaders.put("Content-Type", exchange.getRequestHeaders().getFirst("Content-Type"));
            int status = received.incrementAndGet() % 3 == 0 ? 500 : 201;
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/things");
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void everyRequestIsCountedAndEveryUnexpectedStatusIsAFailure() throws Exception {
        HttpLoad.Result result;
        try (HttpLoad load = new HttpLoad()) {
            result = load.run(4, Duration.ofSeconds(1), 201, () -> HttpLoad.postJson(uri, "t0ken", "{}"));
        }

        assertThat(result.requests()).isEqualTo(received.get()).isGreaterThan(10);
        assertThat(result.failures()).isEqualTo(received.get() / 3);
        assertThat(result.failedStatuses()).containsOnlyKeys(500);
        assertThat(result.p50Micros()).isPositive().isLessThanOrEqualTo(result.p99Micros());
        assertThat(result.p99Micros()).isLessThanOrEqualTo(result.maxMicros());
        assertThat(lastHeaders).containsEntry("Authorization", "Bearer t0ken")
                .containsEntry("Content-Type", "application/json");
    }

    @Test
    void aSingleRequestReturnsItsAnswer() throws Exception {
        try (HttpLoad load = new HttpLoad()) {
            HttpLoad.Answer answer = load.send(HttpLoad.postJson(uri, "t0ken", "{\"a\":1}"));

            assertThat(answer.status()).isEqualTo(201);
            assertThat(answer.body()).isEqualTo("{\"a\":1}");
        }
    }

    @Test
    void aServerThatIsGoneCountsAsFailedRequestsNotAsAnError() throws Exception {
        server.stop(0);
        HttpLoad.Result result;
        try (HttpLoad load = new HttpLoad()) {
            result = load.run(2, Duration.ofMillis(300), 201, () -> HttpLoad.postJson(uri, "t0ken", "{}"));
        }

        assertThat(result.requests()).isPositive().isEqualTo(result.failures());
        assertThat(result.failedStatuses()).containsOnlyKeys(-1);
    }
}

package dev.funnel.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** JSON over HTTP to the services' public APIs, as any client would call them: as one signed-in person. */
final class RestClient {

    /** Where the person's access token comes from; asked before every request, so it may renew it. */
    @FunctionalInterface
    interface Bearer {
        String token() throws IOException, InterruptedException;
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Bearer bearer;

    RestClient(Bearer bearer) {
        this.bearer = bearer;
    }

    /** A response: its status and its JSON body (an empty object when there is none). */
    record Reply(int status, JsonNode body) {
    }

    Reply post(String url, Object body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + bearer.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        return send(request);
    }

    Reply get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + bearer.token()).GET().build());
    }

    /** POSTs and insists on one of the expected statuses: the story is scripted, anything else is a bug. */
    JsonNode postExpecting(String url, Object body, int... expected) throws IOException, InterruptedException {
        Reply reply = post(url, body);
        for (int status : expected) {
            if (reply.status() == status) {
                return reply.body();
            }
        }
        throw new IllegalStateException("POST " + url + " answered " + reply.status() + ": " + reply.body());
    }

    private Reply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        String text = response.body();
        JsonNode body = text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
        return new Reply(response.statusCode(), body);
    }
}

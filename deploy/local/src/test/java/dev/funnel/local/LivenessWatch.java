package dev.funnel.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Asks {@code /q/health/live} of each named service every second, each answer allowed 2 s, as a liveness probe
 * would; every answer that is not a 200 with status UP, and every one that takes longer, is written down. The URLs
 * are the services' management interfaces, where health is.
 */
final class LivenessWatch implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "liveness-watch");
        thread.setDaemon(true);
        return thread;
    });
    private final List<CompletableFuture<?>> pending = new CopyOnWriteArrayList<>();
    private final long started = System.nanoTime();
    final List<String> failures = new CopyOnWriteArrayList<>();
    final AtomicLong probes = new AtomicLong();

    private LivenessWatch(Map<String, String> urls) {
        ticker.scheduleAtFixedRate(() -> urls.forEach(this::probe), 0, 1, TimeUnit.SECONDS);
    }

    static LivenessWatch of(Map<String, String> urls) {
        return new LivenessWatch(urls);
    }

    private void probe(String service, String url) {
        long sent = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/q/health/live")).timeout(TIMEOUT).GET()
                .build();
        CompletableFuture<?> answer = http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .whenComplete((response, failure) -> {
                    probes.incrementAndGet();
                    String at = String.format("+%.1f s", (sent - started) / 1e9);
                    if (failure != null) {
                        failures.add(service + " " + at + ": " + failure.getClass().getSimpleName());
                    } else if (response.statusCode() != 200 || !"UP".equals(status(response.body()))) {
                        failures.add(service + " " + at + ": " + response.statusCode() + " " + response.body());
                    } else if (System.nanoTime() - sent > TIMEOUT.toNanos()) {
                        failures.add(service + " " + at + ": UP, but after " + (System.nanoTime() - sent) / 1_000_000
                                + " ms");
                    }
                });
        pending.add(answer);
        pending.removeIf(CompletableFuture::isDone);
    }

    private static String status(String body) {
        try {
            return JSON.readTree(body).path("status").asText();
        } catch (IOException e) {
            return "";
        }
    }

    /** Stops asking and waits for the answers still out, so that none of them is lost from the record. */
    @Override
    public void close() throws InterruptedException {
        ticker.shutdown();
        ticker.awaitTermination(5, TimeUnit.SECONDS);
        for (CompletableFuture<?> answer : pending) {
            try {
                answer.get(TIMEOUT.toSeconds() + 3, TimeUnit.SECONDS);
            } catch (Exception e) {
                // Recorded by whenComplete already.
            }
        }
    }
}

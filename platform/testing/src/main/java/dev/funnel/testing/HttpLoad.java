package dev.funnel.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A closed-loop load generator for benchmarks: a fixed number of workers, each sending its next request as soon as
 * the last one is answered, for a fixed time (as wrk does with one connection per worker). It records every
 * request's latency and prints nothing itself.
 */
public final class HttpLoad {

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** What {@code requests} of one run produced. */
    public record Result(long requests, long failures, double seconds, long p50Micros, long p99Micros,
            long maxMicros, Map<Integer, Long> failedStatuses) {

        public double perSecond() {
            return requests / seconds;
        }

        /** e.g. {@code 1234 req/s, p50 11.2 ms, p99 40.1 ms (37020 requests, 0 failed)}. */
        public String summary() {
            return String.format("%.0f req/s, p50 %.1f ms, p99 %.1f ms, max %.0f ms (%d requests, %d failed%s)",
                    perSecond(), p50Micros / 1000.0, p99Micros / 1000.0, maxMicros / 1000.0, requests, failures,
                    failedStatuses.isEmpty() ? "" : " " + failedStatuses);
        }
    }

    /**
     * Runs {@code workers} concurrent senders for {@code duration}; {@code nextRequest} is called for each request
     * (it must be thread-safe). A request counts as done when answered with {@code expectedStatus}.
     */
    public Result run(int workers, Duration duration, int expectedStatus, Supplier<HttpRequest> nextRequest)
            throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        List<long[]> latencies = new ArrayList<>();
        int[] counts = new int[workers];
        AtomicLong failures = new AtomicLong();
        Map<Integer, Long> failedStatuses = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int w = 0; w < workers; w++) {
            int worker = w;
            long[] own = new long[1 << 16];
            latencies.add(own);
            Thread thread = new Thread(() -> {
                long[] mine = own;
                int n = 0;
                while (System.nanoTime() < end) {
                    HttpRequest request = nextRequest.get();
                    long sent = System.nanoTime();
                    int status;
                    try {
                        status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (IOException e) {
                        status = -1;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                    long micros = (System.nanoTime() - sent) / 1000;
                    if (status != expectedStatus) {
                        failures.incrementAndGet();
                        failedStatuses.merge(status, 1L, Long::sum);
                    }
                    if (n == mine.length) {
                        mine = Arrays.copyOf(mine, n * 2);
                    }
                    mine[n++] = micros;
                }
                synchronized (latencies) {
                    latencies.set(worker, mine);
                    counts[worker] = n;
                }
            }, "load-" + w);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] all;
        synchronized (latencies) {
            all = new long[Arrays.stream(counts).sum()];
            int at = 0;
            for (int w = 0; w < workers; w++) {
                System.arraycopy(latencies.get(w), 0, all, at, counts[w]);
                at += counts[w];
            }
        }
        Arrays.sort(all);
        return new Result(all.length, failures.get(), seconds, rank(all, 50), rank(all, 99),
                all.length == 0 ? 0 : all[all.length - 1], Map.copyOf(failedStatuses));
    }

    /** Sends one request outside any run (to set up what the load needs); returns its answer. */
    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON POST with a bearer token. */
    public static HttpRequest postJson(URI uri, String token, String body) {
        return HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** The machine's 1-minute load average, to print beside a figure (the machines are shared). */
    public static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    static long rank(long[] sorted, int percentile) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}

package dev.funnel.testing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A closed-loop load generator for benchmarks: a fixed number of connections, each sending its next request as soon
 * as the last one is answered, for a fixed time (as wrk does). It records every request's latency and prints nothing
 * itself.
 *
 * <p>It runs on one Vert.x event loop of its own, whose thread is named {@value #THREAD_NAME}, so that a benchmark
 * can tell its CPU from the service's ({@link CpuUse}). The JDK's HttpClient it replaced took a thread per client and
 * about a tenth of the machine's CPU in the write benchmarks; a single event loop needs a few percent.
 */
public final class HttpLoad implements AutoCloseable {

    public static final String THREAD_NAME = "load-generator";
    private static final int SEND_TIMEOUT_MILLIS = 30_000;

    private final Vertx vertx;

    public HttpLoad() {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1));
        CountDownLatch named = new CountDownLatch(1);
        // Renaming the current thread also renames it for the operating system (/proc/self/task/*/comm).
        vertx.runOnContext(ignored -> {
            Thread.currentThread().setName(THREAD_NAME);
            named.countDown();
        });
        try {
            if (!named.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The load generator's event loop did not start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One request: its method, address, headers and body (empty for none). */
    public record Request(HttpMethod method, URI uri, Map<String, String> headers, String body) {
    }

    /** A request's answer: status and body. */
    public record Answer(int status, String body) {
    }

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
     * Runs {@code connections} concurrent senders for {@code duration}; {@code nextRequest} is called for each request
     * (on the load generator's thread). A request counts as done when answered with {@code expectedStatus}; one that
     * fails to connect or is not answered counts as status -1.
     */
    public Result run(int connections, Duration duration, int expectedStatus, Supplier<Request> nextRequest)
            throws InterruptedException {
        HttpClient http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setConnectTimeout(5_000),
                new PoolOptions().setHttp1MaxSize(connections));
        try {
            Lane[] lanes = new Lane[connections];
            CountDownLatch done = new CountDownLatch(connections);
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            for (int c = 0; c < connections; c++) {
                lanes[c] = new Lane(http, nextRequest, expectedStatus, end, done);
                vertx.runOnContext(lanes[c]::sendNext);
            }
            if (!done.await(duration.toMillis() + 2L * SEND_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("The load did not finish: a request outlived its timeout");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] all = new long[Arrays.stream(lanes).mapToInt(lane -> lane.count).sum()];
            long failures = 0;
            Map<Integer, Long> failedStatuses = new HashMap<>();
            int at = 0;
            for (Lane lane : lanes) {
                System.arraycopy(lane.latencies, 0, all, at, lane.count);
                at += lane.count;
                failures += lane.failures;
                lane.failedStatuses.forEach((status, n) -> failedStatuses.merge(status, n, Long::sum));
            }
            Arrays.sort(all);
            return new Result(all.length, failures, seconds, rank(all, 50), rank(all, 99),
                    all.length == 0 ? 0 : all[all.length - 1], Map.copyOf(failedStatuses));
        } finally {
            http.close();
        }
    }

    /** Sends one request outside any run (to set up what the load needs); returns its answer. */
    public Answer send(Request request) throws InterruptedException {
        HttpClient http = vertx.createHttpClient();
        try {
            return send(http, request).toCompletionStage().toCompletableFuture()
                    .get(SEND_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("No answer to " + request.method() + " " + request.uri(), e);
        } finally {
            http.close();
        }
    }

    private static Future<Answer> send(HttpClient http, Request request) {
        RequestOptions options = new RequestOptions().setMethod(request.method())
                .setAbsoluteURI(request.uri().toString()).setTimeout(SEND_TIMEOUT_MILLIS);
        request.headers().forEach(options::putHeader);
        return http.request(options)
                .compose(sending -> sending.send(Buffer.buffer(request.body())))
                .compose(response -> response.body().map(body -> new Answer(response.statusCode(), body.toString())));
    }

    /** A JSON POST with a bearer token. */
    public static Request postJson(URI uri, String token, String body) {
        return new Request(HttpMethod.POST, uri,
                Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json"), body);
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
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

    /** One connection's loop; touched only on the load generator's event loop, read after {@code done}. */
    private static final class Lane {

        private final HttpClient http;
        private final Supplier<Request> nextRequest;
        private final int expectedStatus;
        private final long end;
        private final CountDownLatch done;
        long[] latencies = new long[1 << 14];
        int count;
        long failures;
        final Map<Integer, Long> failedStatuses = new HashMap<>();

        Lane(HttpClient http, Supplier<Request> nextRequest, int expectedStatus, long end, CountDownLatch done) {
            this.http = http;
            this.nextRequest = nextRequest;
            this.expectedStatus = expectedStatus;
            this.end = end;
            this.done = done;
        }

        void sendNext(Void ignored) {
            if (System.nanoTime() >= end) {
                done.countDown();
                return;
            }
            long sent = System.nanoTime();
            send(http, nextRequest.get()).onComplete(answered -> {
                int status = answered.succeeded() ? answered.result().status() : -1;
                if (status != expectedStatus) {
                    failures++;
                    failedStatuses.merge(status, 1L, Long::sum);
                }
                if (count == latencies.length) {
                    latencies = Arrays.copyOf(latencies, count * 2);
                }
                latencies[count++] = (System.nanoTime() - sent) / 1000;
                sendNext(null);
            });
        }
    }
}

package dev.funnel.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints what the local stack costs and how fresh its funnel is; asserts nothing about speed. Run with
 * {@code ./mvnw -B -ntp -pl deploy/local -am verify -Pbenchmarks -Dtest=LocalStackBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}; see BENCHMARKS.md.
 *
 * <ul>
 *   <li>start to ready, as {@code ./run-local} does it (its own Keycloak): a first start, in which Keycloak installs
 *       and builds itself, and a second on the same data ("when built");</li>
 *   <li>resident memory: the sum of RSS of every process of the stack (the services, the web app, Keycloak,
 *       PostgreSQL's processes) and, apart, this JVM, which is the launcher here and holds the Kafka broker;</li>
 *   <li>freshness: POST /activities at a fixed rate over {@value #CONNECTIONS} connections (open loop: a slow answer
 *       never slows the schedule), while analytics' /funnel is read every {@value #POLL_MILLIS} ms; an activity's
 *       freshness is from the moment its POST was due to the first read of /funnel that counts as many activities
 *       as had been acknowledged up to and including it. Each rate also prints the CPU each process used.</li>
 * </ul>
 */
@Tag("benchmark")
class LocalStackBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int[] RATES = {100, 300, 500};
    private static final Duration RUN = Duration.ofSeconds(30);
    static final int POLL_MILLIS = 20;
    static final int POST_TIMEOUT_SECONDS = 30;
    /** Connections the POSTs share, as a client's pool would; enough for 500 req/s at 128 ms each. */
    static final int CONNECTIONS = 64;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path data;

    @Test
    void startMemoryAndFreshness() throws Exception {
        // -Dfunnel.benchmark.full-jit=true: the services as ./run-local --full-jit runs them, C2 as in a cluster.
        StackSettings settings = Boolean.getBoolean("funnel.benchmark.full-jit")
                ? LocalStackTest.settingsWithOwnKeycloak(data).withFullJit()
                : LocalStackTest.settingsWithOwnKeycloak(data);
        System.out.printf("BENCHMARK local stack: the services' JIT %s%n", settings.fullJit() ? "full (C1 and C2)"
                : "C1 only (as ./run-local runs them)");
        long first = System.nanoTime();
        try (LocalStack stack = LocalStack.start(settings, LocalStackTest.quiet())) {
            System.out.printf("BENCHMARK local stack: first start to ready %.1f s (Keycloak installs and builds"
                    + " itself); load average %s%n", seconds(first), loadAverage());
        }
        long second = System.nanoTime();
        try (LocalStack stack = LocalStack.start(settings, LocalStackTest.quiet())) {
            System.out.printf("BENCHMARK local stack: start to ready %.1f s (built, data kept); load average %s%n",
                    seconds(second), loadAverage());
            printMemory(settings, "idle, just ready");
            // The stack has just started: its JVMs compile and its pools fill in the first seconds of load. With C2
            // that takes minutes: -Dfunnel.benchmark.warm-up-seconds=240 -Dfunnel.benchmark.warm-up-rate=300.
            freshness(stack, settings, " (warm-up)", Integer.getInteger("funnel.benchmark.warm-up-rate", RATES[0]),
                    Duration.ofSeconds(Integer.getInteger("funnel.benchmark.warm-up-seconds", 30)));
            for (int rate : RATES) {
                freshness(stack, settings, "", rate, RUN);
            }
            printMemory(settings, "after the freshness runs");
        }
    }

    private void freshness(LocalStack stack, StackSettings settings, String phase, int perSecond, Duration run)
            throws Exception {
        String activities = stack.urls().get("activity-service") + "/activities";
        String marketer = stack.tokens().token(DemoStory.MARKETER);
        String technique = "fresh-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(post(stack.urls().get("activity-service") + "/techniques", marketer,
                "{\"slug\":\"" + technique + "\",\"name\":\"Freshness\",\"cadence\":\"DAILY\"}").statusCode())
                .isEqualTo(201);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String funnel = stack.urls().get("analytics-service") + "/funnel?from=" + today.minusDays(1) + "&to="
                + today.plusDays(1) + "&technique=" + technique;
        String analyst = stack.tokens().token(DemoReport.ANALYST);

        // Acknowledged activities: {its slot, when it was answered} (nanoTime), in the order their answers came.
        ConcurrentLinkedQueue<long[]> acknowledged = new ConcurrentLinkedQueue<>();
        Map<String, LongAdder> failed = new ConcurrentSkipListMap<>();
        List<long[]> reads = new ArrayList<>(); // {nanoTime after the answer, activities counted}
        Thread poller = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    long count = funnelActivities(funnel, analyst);
                    synchronized (reads) {
                        reads.add(new long[] {System.nanoTime(), count});
                    }
                    TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "funnel-poller");
        poller.start();

        String day = today.toString();
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long total = run.toSeconds() * perSecond;
        Map<String, Double> cpuBefore = processCpu(settings);
        long start = System.nanoTime();
        // Open loop over a bounded pool of connections, as wrk2 does: the k-th POST is due at start + k * interval,
        // whichever connection is free then sends it, and its times count from when it was due, so a service that
        // falls behind shows as latency rather than as a client opening thousands of connections.
        AtomicLong nextSlot = new AtomicLong();
        List<Thread> senders = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            Thread sender = new Thread(() -> {
                for (long k = nextSlot.getAndIncrement(); k < total; k = nextSlot.getAndIncrement()) {
                    long slot = start + k * interval;
                    try {
                        long wait = slot - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        } else if (-wait > TimeUnit.SECONDS.toNanos(POST_TIMEOUT_SECONDS)) {
                            failed.computeIfAbsent("not sent: more than " + POST_TIMEOUT_SECONDS + " s late",
                                    kind -> new LongAdder()).increment();
                            continue;
                        }
                        HttpResponse<String> answer = post(activities, marketer, "{\"id\":\"" + UUID.randomUUID()
                                + "\",\"technique\":\"" + technique + "\",\"performedOn\":\"" + day
                                + "\",\"minutesSpent\":5,\"costMinor\":0,\"currency\":\"USD\"}");
                        if (answer.statusCode() == 201) {
                            acknowledged.add(new long[] {slot, System.nanoTime()});
                        } else {
                            failed.computeIfAbsent("status " + answer.statusCode(), kind -> new LongAdder())
                                    .increment();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (IOException e) {
                        failed.computeIfAbsent(failure(e), kind -> new LongAdder()).increment();
                    }
                }
            }, "freshness-sender-" + c);
            senders.add(sender);
            sender.start();
        }
        for (Thread sender : senders) {
            sender.join();
        }
        double sendSeconds = seconds(start);
        Map<String, Double> cpuUsed = since(processCpu(settings), cpuBefore);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (lastCount(reads) < acknowledged.size() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        poller.interrupt();
        poller.join();

        long[][] answered = acknowledged.toArray(long[][]::new);
        long[][] observed;
        synchronized (reads) {
            observed = reads.toArray(long[][]::new);
        }
        long[] freshness = new long[answered.length];
        long[] acknowledgement = new long[answered.length];
        int read = 0;
        for (int k = 0; k < answered.length; k++) {
            while (read < observed.length && observed[read][1] < k + 1) {
                read++;
            }
            freshness[k] = read < observed.length ? (observed[read][0] - answered[k][0]) / 1_000_000
                    : Long.MAX_VALUE;
            acknowledgement[k] = (answered[k][1] - answered[k][0]) / 1_000_000;
        }
        Arrays.sort(freshness);
        Arrays.sort(acknowledgement);
        System.out.printf("BENCHMARK local stack freshness%s at %d req/s (sent %.0f/s over %d connections): POST"
                + " to counted in /funnel p50 %d ms, p99 %d ms, max %d ms; POST to acknowledged p50 %d ms, p99 %d ms"
                + " (%d acknowledged; failed: %s; %d reads of /funnel every %d ms); load average %s%n", phase,
                perSecond, total / sendSeconds, CONNECTIONS, rank(freshness, 50), rank(freshness, 99),
                freshness.length == 0 ? 0 : freshness[freshness.length - 1], rank(acknowledgement, 50),
                rank(acknowledgement, 99), answered.length, failed.isEmpty() ? "none" : failed, observed.length,
                POLL_MILLIS, loadAverage());
        System.out.printf("BENCHMARK local stack CPU%s at %d req/s, cores used while sending: %s%n", phase,
                perSecond, cores(cpuUsed, sendSeconds));
    }

    /** Why a POST got no answer: the client gave up waiting ({@value #POST_TIMEOUT_SECONDS} s) or could not connect. */
    private static String failure(IOException error) {
        if (error instanceof HttpTimeoutException) {
            return "no answer in " + POST_TIMEOUT_SECONDS + " s";
        }
        return error instanceof ConnectException ? "could not connect" : error.getClass().getSimpleName();
    }

    private static long lastCount(List<long[]> reads) {
        synchronized (reads) {
            return reads.isEmpty() ? -1 : reads.get(reads.size() - 1)[1];
        }
    }

    private static long funnelActivities(String url, String token) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            return -1;
        }
        return JSON.readTree(answer.body()).path("effort").path("activities").asLong(-1);
    }

    private static HttpResponse<String> post(String url, String token, String body)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(POST_TIMEOUT_SECONDS)).POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * CPU seconds so far of each process of the stack, by what it runs: the services and the web app (by their jar's
     * directory), Keycloak, PostgreSQL (its server and backends, live and ended) and this JVM (the launcher, the Kafka
     * broker and the benchmark's own clients).
     */
    private static Map<String, Double> processCpu(StackSettings settings) throws IOException {
        Map<String, Double> seconds = new TreeMap<>();
        for (ProcessHandle process : ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList()) {
            String commandLine = commandLine(process.pid());
            String name = Stream.of("activity-service", "prospect-service", "objection-service", "analytics-service",
                    "web-app", "keycloak").filter(commandLine::contains).findFirst().orElse("other");
            seconds.merge(name, cpuSeconds(process.pid(), false), Double::sum);
        }
        String dataPath = settings.postgresDirectory().toAbsolutePath().toString();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path proc : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                long pid = Long.parseLong(proc.getFileName().toString());
                if (commandLine(pid).contains(dataPath)) {
                    seconds.merge("PostgreSQL", cpuSeconds(pid, true), Double::sum);
                    for (ProcessHandle backend : ProcessHandle.of(pid).map(p -> p.descendants().toList())
                            .orElse(List.of())) {
                        seconds.merge("PostgreSQL", cpuSeconds(backend.pid(), false), Double::sum);
                    }
                }
            }
        }
        seconds.put("this JVM (broker, launcher, benchmark)", cpuSeconds(ProcessHandle.current().pid(), false));
        return seconds;
    }

    /** utime and stime of /proc/PID/stat, with {@code ended} also of its ended children, in seconds (USER_HZ 100). */
    private static double cpuSeconds(long pid, boolean ended) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            if (ended) {
                ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            }
            return ticks / 100.0;
        } catch (IOException | RuntimeException e) {
            return 0; // gone meanwhile
        }
    }

    private static Map<String, Double> since(Map<String, Double> now, Map<String, Double> before) {
        Map<String, Double> used = new TreeMap<>();
        now.forEach((name, total) -> used.put(name, total - before.getOrDefault(name, 0.0)));
        return used;
    }

    /** e.g. {@code 1.62 in all: activity-service 0.71, analytics-service 0.12, ...}, largest first. */
    private static String cores(Map<String, Double> used, double seconds) {
        StringBuilder parts = new StringBuilder();
        used.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(part -> parts.append(parts.length() == 0 ? "" : ", ").append(part.getKey())
                        .append(String.format(" %.2f", part.getValue() / seconds)));
        return String.format("%.2f in all: %s", used.values().stream().mapToDouble(Double::doubleValue).sum()
                / seconds, parts);
    }

    /** Resident memory of the stack's processes; PostgreSQL daemonizes itself, so it is found by its data path. */
    private static void printMemory(StackSettings settings, String when) throws IOException {
        long children = 0;
        StringBuilder parts = new StringBuilder();
        for (ProcessHandle process : ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList()) {
            long rss = rssKib(process.pid());
            children += rss;
            parts.append(process.info().command().map(c -> Path.of(c).getFileName().toString()).orElse("?"))
                    .append(' ').append(rss / 1024).append(", ");
        }
        long postgres = 0;
        String dataPath = settings.postgresDirectory().toAbsolutePath().toString();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path proc : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                long pid = Long.parseLong(proc.getFileName().toString());
                if (commandLine(pid).contains(dataPath)) {
                    postgres += rssKib(pid);
                    for (ProcessHandle backend : ProcessHandle.of(pid).map(p -> p.descendants().toList())
                            .orElse(List.of())) {
                        postgres += rssKib(backend.pid());
                    }
                }
            }
        }
        long launcher = rssKib(ProcessHandle.current().pid());
        System.out.printf("BENCHMARK local stack memory (%s): %d MiB resident in all = child processes %d MiB"
                + " (%s) + PostgreSQL %d MiB + this JVM (launcher and Kafka broker, also the test) %d MiB%n", when,
                (children + postgres + launcher) / 1024, children / 1024, parts, postgres / 1024, launcher / 1024);
    }

    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static long rssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone meanwhile
        }
        return 0;
    }

    private static long rank(long[] sorted, int percentile) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.max(0, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}

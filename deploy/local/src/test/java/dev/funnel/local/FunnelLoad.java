package dev.funnel.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A bounded load on the stack, as a few real clients would send it: each client a thread with its own kind of
 * write and its own pace, all writes of one marketing technique and one owner so that the funnel of that
 * technique is this load's alone. It keeps its own tally of what the services acknowledged. Each client signs in
 * as a person would: the marketing work as the realm's marketer, the prospects and objections as their owner, a
 * seller, with tokens from the stack's Keycloak renewed before they expire.
 *
 * <p>A client behaves as the APIs ask: every write carries the id it chose (or, for a step, the prospect's), so
 * a write answered 503, timed out or cut off is sent again, after {@code Retry-After} or a second, until it gets
 * a definite answer; a repeat is a replay (200) or a 409 naming the stage the first attempt reached. Only a 2xx
 * (or that 409) counts a write as done; the 503s, timeouts, refused and cut connections are counted apart and
 * never in the tally. The funnel must then hold each counted write exactly once.
 */
final class FunnelLoad {

    enum Kind { PROSPECT, CONTACT, WIN, OBJECTION, ACTIVITY }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    /** A write still without a definite answer this long after the load was told to stop counts as unresolved. */
    private static final Duration DRAIN = Duration.ofSeconds(120);
    private static final Duration GIVE_UP_ON_UNKNOWN_PROSPECT = Duration.ofSeconds(150);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final Map<String, String> urls;
    private final AccessTokens tokens;
    final String technique;
    final String owner;

    // What the services acknowledged: the tally.
    final Set<UUID> prospects = ConcurrentHashMap.newKeySet();
    final Set<UUID> contacted = ConcurrentHashMap.newKeySet();
    final Set<UUID> won = ConcurrentHashMap.newKeySet();
    final Set<UUID> objections = ConcurrentHashMap.newKeySet();
    final Set<UUID> objected = ConcurrentHashMap.newKeySet();
    final AtomicLong activities = new AtomicLong();

    // How the attempts went, apart from the tally.
    private final Map<Kind, AtomicLong> attempts = counters();
    private final Map<Kind, AtomicLong> acknowledged = counters();
    private final Map<Kind, AtomicLong> unavailable = counters();
    final AtomicLong timeouts = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong cutOff = new AtomicLong();
    final AtomicLong unknownProspect = new AtomicLong();
    final AtomicLong withoutRetryAfter = new AtomicLong();
    /** Writes whose repeat after a 503 showed the 503'd attempt had committed (its answer was lost). */
    final AtomicLong committedDespite503 = new AtomicLong();
    final List<String> unexpected = new CopyOnWriteArrayList<>();
    final AtomicLong unresolved = new AtomicLong();
    /** 500 answers, by kind: the service's own failure; the write is given up, as the API gives no cue to retry. */
    final Map<Kind, AtomicLong> internalErrors = counters();
    private final Map<Kind, Queue<Long>> acknowledgedAt = new EnumMap<>(Kind.class);

    // Prospects waiting for their next step, oldest first; each is in at most one queue, owned by one client.
    private final Queue<UUID> toContact = new ConcurrentLinkedQueue<>();
    private final Queue<UUID> toObject = new ConcurrentLinkedQueue<>();
    private final Queue<UUID> toWin = new ConcurrentLinkedQueue<>();

    private final List<Thread> clients = new ArrayList<>();
    private volatile boolean running;
    private volatile long stopAt;

    FunnelLoad(Map<String, String> urls, AccessTokens tokens, String technique, String owner) {
        this.urls = urls;
        this.tokens = tokens;
        this.technique = technique;
        this.owner = owner;
        for (Kind kind : Kind.values()) {
            acknowledgedAt.put(kind, new ConcurrentLinkedQueue<>());
        }
    }

    private static Map<Kind, AtomicLong> counters() {
        Map<Kind, AtomicLong> map = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            map.put(kind, new AtomicLong());
        }
        return map;
    }

    /** The technique the load's activities and prospects belong to; defined once, before any load. */
    void defineTechnique() throws IOException, InterruptedException {
        HttpResponse<String> answer = send(urls.get("activity-service") + "/techniques",
                Map.of("slug", technique, "name", "Fault suite load", "cadence", "DAILY"));
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("defining the technique answered " + answer.statusCode() + ": "
                    + answer.body());
        }
    }

    /** Five clients, about 30 writes per second in all when the services answer at once. */
    synchronized void start() {
        running = true;
        client("prospects-1", 5, this::newProspect);
        client("prospects-2", 5, this::newProspect);
        client("activities", 10, this::newActivity);
        client("steps", 6, this::nextStep);
        client("objections", 4, this::nextObjection);
    }

    /** Stops sending new writes and waits until every client has a definite answer for the write it has. */
    synchronized void stop() throws InterruptedException {
        stopAt = System.nanoTime();
        running = false;
        for (Thread client : clients) {
            client.join(DRAIN.toMillis() + 20_000);
            if (client.isAlive()) {
                throw new IllegalStateException(client.getName() + " did not finish its last write");
            }
        }
        clients.clear();
    }

    private void client(String name, int perSecond, Supplier<Optional<Write>> next) {
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        Thread thread = new Thread(() -> {
            long slot = System.nanoTime();
            try {
                while (running) {
                    Optional<Write> write = next.get();
                    if (write.isPresent()) {
                        complete(write.get());
                    }
                    // A fixed pace, never a burst to catch up after a slow answer: the load stays bounded.
                    slot = Math.max(slot + interval, System.nanoTime());
                    TimeUnit.NANOSECONDS.sleep(slot - System.nanoTime());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "load-" + name);
        thread.setDaemon(true);
        clients.add(thread);
        thread.start();
    }

    /** One logical write: where it goes, its body, and what it does to the tally once acknowledged. */
    private record Write(Kind kind, String url, Object body, String doneStage, Runnable onDone) {
    }

    private Optional<Write> newProspect() {
        UUID id = UUID.randomUUID();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id.toString());
        body.put("displayName", "Load " + id.toString().substring(0, 8));
        body.put("source", "MARKETING");
        body.put("technique", technique);
        body.put("owner", owner);
        body.put("estimatedValueMinor", 100_000);
        body.put("currency", "USD");
        return Optional.of(new Write(Kind.PROSPECT, urls.get("prospect-service") + "/prospects", body, null, () -> {
            prospects.add(id);
            toContact.add(id);
        }));
    }

    private Optional<Write> newActivity() {
        UUID id = UUID.randomUUID();
        Map<String, Object> body = Map.of("id", id.toString(), "technique", technique,
                "performedOn", LocalDate.now(ZoneOffset.UTC).toString(), "minutesSpent", 15, "costMinor", 0,
                "currency", "USD");
        return Optional.of(new Write(Kind.ACTIVITY, urls.get("activity-service") + "/activities", body, null,
                activities::incrementAndGet));
    }

    /** Wins one prospect that raised its objection, else contacts the oldest one found. */
    private Optional<Write> nextStep() {
        UUID winning = toWin.poll();
        if (winning != null) {
            return Optional.of(new Write(Kind.WIN, prospectUrl(winning) + "/win",
                    Map.of("valueMinor", 90_000, "currency", "USD"), "WON", () -> won.add(winning)));
        }
        UUID contacting = toContact.poll();
        if (contacting == null) {
            return Optional.empty();
        }
        return Optional.of(new Write(Kind.CONTACT, prospectUrl(contacting) + "/contact", Map.of("by", owner),
                "CONTACTED", () -> {
                    contacted.add(contacting);
                    // Every other contacted prospect objects, and those are the ones won later.
                    if (contacted.size() % 2 == 0) {
                        toObject.add(contacting);
                    }
                }));
    }

    private Optional<Write> nextObjection() {
        UUID prospect = toObject.poll();
        if (prospect == null) {
            return Optional.empty();
        }
        UUID id = UUID.randomUUID();
        Map<String, Object> body = Map.of("id", id.toString(), "prospectId", prospect.toString(), "category", "PRICE",
                "statement", "Too expensive for us right now");
        return Optional.of(new Write(Kind.OBJECTION, urls.get("objection-service") + "/objections", body, null,
                () -> {
                    objections.add(id);
                    objected.add(prospect);
                    toWin.add(prospect);
                }));
    }

    private String prospectUrl(UUID id) {
        return urls.get("prospect-service") + "/prospects/" + id;
    }

    /** Sends the write until it has a definite answer, as a client that follows the API would. */
    private void complete(Write write) throws InterruptedException {
        long first = System.nanoTime();
        boolean answered503 = false;
        boolean ambiguous = false;
        while (true) {
            if (!running && System.nanoTime() - stopAt > DRAIN.toNanos()) {
                unresolved.incrementAndGet();
                unexpected.add(write.kind() + " " + write.url() + ": no definite answer " + DRAIN.toSeconds()
                        + " s after the load stopped");
                return;
            }
            attempts.get(write.kind()).incrementAndGet();
            HttpResponse<String> answer;
            try {
                answer = send(write.url(), write.body());
            } catch (HttpTimeoutException e) {
                timeouts.incrementAndGet();
                ambiguous = true;
                TimeUnit.SECONDS.sleep(1);
                continue;
            } catch (ConnectException e) {
                // Refused before anything was sent: the service is down; nothing of this attempt happened.
                refused.incrementAndGet();
                TimeUnit.SECONDS.sleep(1);
                continue;
            } catch (IOException e) {
                // Cut off while the request was out (the service was killed): it may or may not have committed.
                cutOff.incrementAndGet();
                ambiguous = true;
                TimeUnit.SECONDS.sleep(1);
                continue;
            }
            int status = answer.statusCode();
            if (status == 201 || status == 200) {
                if (status == 200 && write.doneStage() == null && answered503 && !ambiguous) {
                    committedDespite503.incrementAndGet();
                }
                done(write);
                return;
            }
            if (status == 503) {
                unavailable.get(write.kind()).incrementAndGet();
                answered503 = true;
                Optional<String> retryAfter = answer.headers().firstValue("Retry-After");
                if (retryAfter.isEmpty()) {
                    withoutRetryAfter.incrementAndGet();
                }
                long seconds = retryAfter.map(FunnelLoad::seconds).orElse(1L);
                TimeUnit.SECONDS.sleep(Math.min(Math.max(seconds, 1), 5));
                continue;
            }
            if (status == 422 && write.kind() == Kind.OBJECTION
                    && System.nanoTime() - first < GIVE_UP_ON_UNKNOWN_PROSPECT.toNanos()) {
                // The replica has not learnt of the prospect yet (the broker may be away): the API says wait.
                unknownProspect.incrementAndGet();
                TimeUnit.SECONDS.sleep(2);
                continue;
            }
            if (status == 409 && write.doneStage() != null && (answered503 || ambiguous)
                    && write.doneStage().equals(stageOf(answer))) {
                // The earlier attempt did it and its answer was lost: done, once.
                if (answered503 && !ambiguous) {
                    committedDespite503.incrementAndGet();
                }
                done(write);
                return;
            }
            if (status == 500) {
                internalErrors.get(write.kind()).incrementAndGet();
                return;
            }
            unexpected.add(write.kind() + " " + write.url() + " answered " + status + ": " + answer.body());
            return;
        }
    }

    private void done(Write write) {
        write.onDone().run();
        acknowledged.get(write.kind()).incrementAndGet();
        acknowledgedAt.get(write.kind()).add(System.nanoTime());
    }

    private static String stageOf(HttpResponse<String> answer) {
        try {
            return JSON.readTree(answer.body()).path("stage").asText();
        } catch (IOException e) {
            return "";
        }
    }

    private static long seconds(String retryAfter) {
        try {
            return Long.parseLong(retryAfter.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private HttpResponse<String> send(String url, Object body) throws IOException, InterruptedException {
        String user = url.startsWith(urls.get("activity-service")) ? DemoStory.MARKETER : owner;
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + tokens.token(user))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Posts activities in batches of 1,000 outside the paced clients (a backfill); returns how many were stored. */
    long burstOfActivities(int batches) throws IOException, InterruptedException {
        long stored = 0;
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        for (int b = 0; b < batches; b++) {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                batch.add(Map.of("id", UUID.randomUUID().toString(), "technique", technique, "performedOn", today,
                        "minutesSpent", 5, "costMinor", 0, "currency", "USD"));
            }
            HttpResponse<String> answer = send(urls.get("activity-service") + "/activities/batch",
                    Map.of("activities", batch));
            if (answer.statusCode() != 201) {
                throw new IllegalStateException("a batch of activities answered " + answer.statusCode() + ": "
                        + answer.body());
            }
            activities.addAndGet(batch.size());
            stored += batch.size();
        }
        return stored;
    }

    /** The first moment after {@code since} a write of this kind was acknowledged (System.nanoTime), 0 if none. */
    long firstAcknowledgedAfter(Kind kind, long since) {
        return acknowledgedAt.get(kind).stream().filter(at -> at - since > 0).findFirst().orElse(0L);
    }

    long acknowledgedOf(Kind kind) {
        return acknowledged.get(kind).get();
    }

    /** The attempts in one line: what was sent and how it was answered. */
    String summary() {
        StringBuilder text = new StringBuilder();
        for (Kind kind : Kind.values()) {
            text.append(kind.name().toLowerCase()).append(' ').append(acknowledged.get(kind)).append('/')
                    .append(attempts.get(kind)).append(" (503: ").append(unavailable.get(kind)).append(")  ");
        }
        text.append("timeouts ").append(timeouts).append(", refused ").append(refused).append(", cut off ")
                .append(cutOff).append(", 422 unknown prospect ").append(unknownProspect)
                .append(", 503 without Retry-After ").append(withoutRetryAfter).append(", committed despite 503 ")
                .append(committedDespite503).append(", 500 ").append(internalErrors()).append(", unexpected ")
                .append(unexpected.size());
        return text.toString();
    }

    /** The 500s so far, by kind, e.g. {@code {PROSPECT=120, ACTIVITY=40}}; kinds without any left out. */
    Map<Kind, Long> internalErrors() {
        Map<Kind, Long> errors = new EnumMap<>(Kind.class);
        internalErrors.forEach((kind, count) -> {
            if (count.get() > 0) {
                errors.put(kind, count.get());
            }
        });
        return errors;
    }

    long unavailableTotal() {
        return unavailable.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** What the funnel of the load's technique must say, from the tally. */
    Map<String, Long> expectedFunnel() {
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("effort.activities", activities.get());
        expected.put("stages.found", (long) prospects.size());
        expected.put("stages.contacted", (long) contacted.size());
        expected.put("stages.objected", (long) objected.size());
        expected.put("stages.won", (long) won.size());
        expected.put("objections.raised", (long) objections.size());
        return expected;
    }

    static Map<String, Long> observedFunnel(JsonNode funnel) {
        Map<String, Long> observed = new LinkedHashMap<>();
        observed.put("effort.activities", funnel.path("effort").path("activities").asLong(-1));
        observed.put("stages.found", funnel.path("stages").path("found").asLong(-1));
        observed.put("stages.contacted", funnel.path("stages").path("contacted").asLong(-1));
        observed.put("stages.objected", funnel.path("stages").path("objected").asLong(-1));
        observed.put("stages.won", funnel.path("stages").path("won").asLong(-1));
        observed.put("objections.raised", funnel.path("objections").path("raised").asLong(-1));
        return observed;
    }
}

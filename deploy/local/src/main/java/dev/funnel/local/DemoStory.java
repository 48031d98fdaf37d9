package dev.funnel.local;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Twelve weeks of a small business, told through the public REST APIs only, as a client would.
 *
 * <p>The owner farms with a weekly blog post, a daily LinkedIn post (a day skipped now and then) and, from
 * week three, a newsletter section every weekday; she also buys a local radio ad and gives it up after
 * two weeks, just before the sprouts would have come up. The blog brings its first prospect in week five,
 * then more every week. Meanwhile two sellers hunt: two prospects a week, contacted the next day, some
 * won after a price objection bridged with a payment plan, some lost; they also follow up the prospects
 * the farming brings, in turns. Everything is deterministic for a given {@code today}, and the story keeps its
 * own tally of what it did, so a test can check the funnel against it.
 *
 * <p>Each person acts with their own token: the marketing work as the marketer, each seller's prospects
 * registered, moved and objected on by that seller, so every prospect is owned by the seller who signed in.
 */
public final class DemoStory {

    static final int WEEKS = 12;
    static final String MARKETER = "mia";
    static final List<String> SELLERS = List.of("sam", "alex");
    private static final String USD = "USD";

    private final Map<String, String> urls;
    private final LocalDate today;
    private final Instant now;
    private final RestClient marketer;
    private final Map<String, RestClient> sellers = new LinkedHashMap<>();
    private final Tally tally = new Tally();

    DemoStory(Map<String, String> urls, AccessTokens tokens, LocalDate today) {
        this.urls = urls;
        this.today = today;
        this.now = Instant.now();
        this.marketer = new RestClient(tokens.of(MARKETER));
        SELLERS.forEach(seller -> sellers.put(seller, new RestClient(tokens.of(seller))));
    }

    /**
     * Where to look at the story once it is loaded: who to sign in as for each part, with the realm's passwords (the
     * marketer's watering, the sellers' hunt, the owner's whole funnel).
     */
    static String tour(String webAppUrl, LocalRealm realm) {
        LocalRealm.User marketer = realm.user(MARKETER);
        LocalRealm.User seller = realm.user(SELLERS.get(0));
        LocalRealm.User owner = realm.owner();
        return String.join(System.lineSeparator(),
                "The story in the web app, " + webAppUrl + ":",
                String.format("  %-34s sign in as %s / %s", "the watering (Today, Garden)", marketer.name(),
                        marketer.password()),
                String.format("  %-34s sign in as %s / %s", "the hunt (Pipeline, Playbook)", seller.name(),
                        seller.password()),
                String.format("  %-34s sign in as %s / %s", "the whole funnel (Harvest, Funnel)", owner.name(),
                        owner.password()));
    }

    /** The Monday twelve ISO weeks back, counting this week: the first day of the story. */
    public LocalDate start() {
        return today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(WEEKS - 1L);
    }

    /** Loads the whole story; returns what it did. */
    public Tally load() throws IOException, InterruptedException {
        farm();
        hunt();
        harvest();
        return tally;
    }

    // ---- marketing: the techniques and the daily work ----

    private void farm() throws IOException, InterruptedException {
        defineTechnique("weekly-blog", "Weekly blog post", "WEEKLY");
        defineTechnique("daily-linkedin", "LinkedIn post", "DAILY");
        defineTechnique("email-newsletter", "Newsletter section", "WEEKDAYS");
        defineTechnique("local-radio-ad", "Local radio ad", "WEEKLY");

        List<Map<String, Object>> activities = new ArrayList<>();
        for (int day = 0; day < WEEKS * 7; day++) {
            LocalDate date = start().plusDays(day);
            if (date.isAfter(today)) {
                break;
            }
            int week = day / 7;
            DayOfWeek weekday = date.getDayOfWeek();
            if (weekday == DayOfWeek.MONDAY) {
                activities.add(activity("weekly-blog", date, 120, 0));
            }
            if (day % 9 != 8) { // the streak breaks now and then
                activities.add(activity("daily-linkedin", date, 20, 0));
            }
            if (week >= 2 && weekday.getValue() <= DayOfWeek.FRIDAY.getValue()) {
                activities.add(activity("email-newsletter", date, 30, 500));
            }
            if (week < 2 && weekday == DayOfWeek.WEDNESDAY) {
                activities.add(activity("local-radio-ad", date, 60, 25_000));
            }
        }
        for (int from = 0; from < activities.size(); from += 500) {
            List<Map<String, Object>> batch = activities.subList(from, Math.min(from + 500, activities.size()));
            marketer.postExpecting(urls.get("activity-service") + "/activities/batch", Map.of("activities", batch),
                    201, 200);
        }
    }

    private void defineTechnique(String slug, String name, String cadence) throws IOException, InterruptedException {
        marketer.postExpecting(urls.get("activity-service") + "/techniques",
                Map.of("slug", slug, "name", name, "cadence", cadence), 201, 409);
    }

    private Map<String, Object> activity(String technique, LocalDate date, int minutes, long costMinor) {
        tally.activities++;
        tally.minutes += minutes;
        tally.costMinor += costMinor;
        Map<String, Object> activity = new LinkedHashMap<>();
        activity.put("id", UUID.nameUUIDFromBytes((technique + date).getBytes()).toString());
        activity.put("technique", technique);
        activity.put("performedOn", date.toString());
        activity.put("minutesSpent", minutes);
        activity.put("costMinor", costMinor);
        activity.put("currency", USD);
        return activity;
    }

    // ---- sales: two sellers hunting ----

    private void hunt() throws IOException, InterruptedException {
        int index = 0;
        for (int week = 0; week < WEEKS; week++) {
            for (DayOfWeek weekday : List.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY)) {
                Instant foundAt = at(week, weekday, 10);
                String owner = SELLERS.get(index % 2);
                switch (index % 5) {
                    case 0 -> prospect(new Path("SALES", null, owner, foundAt, 300_000)
                            .contacted(1).objection("PRICE", "We cannot pay all of it up front", 3,
                                    "Offered a three-month payment plan", 4).won(8, 280_000));
                    case 1 -> prospect(new Path("SALES", null, owner, foundAt, 200_000)
                            .contacted(1).lost(10, "NO_RESPONSE"));
                    case 2 -> prospect(new Path("SALES", null, owner, foundAt, 250_000).contacted(2).won(12, 250_000));
                    case 3 -> prospect(new Path("SALES", null, owner, foundAt, 400_000)
                            .contacted(1).objection("PRICE", "Too expensive for us right now", 4, null, 0)
                            .lost(9, "PRICE"));
                    default -> prospect(new Path("SALES", null, owner, foundAt, 150_000).contacted(1));
                }
                index++;
            }
        }
    }

    // ---- the harvest: prospects that the farming brought, after its lag ----

    private void harvest() throws IOException, InterruptedException {
        int[] blogPerWeek = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 3, 3};
        int index = 0;
        for (int week = 0; week < WEEKS; week++) {
            List<String> techniques = new ArrayList<>();
            for (int i = 0; i < blogPerWeek[week]; i++) {
                techniques.add("weekly-blog");
            }
            if (week >= 3) {
                techniques.add("daily-linkedin");
            }
            if (week >= 6) {
                techniques.add("email-newsletter");
            }
            for (int i = 0; i < techniques.size(); i++) {
                Instant foundAt = at(week, DayOfWeek.WEDNESDAY, 9 + i);
                Path path = new Path("MARKETING", techniques.get(i), SELLERS.get(index % 2), foundAt, 150_000);
                switch (index % 4) {
                    case 0 -> path.contacted(1).objection("TIMING", "Maybe after the holidays", 2,
                            "Start next month at this month's price", 3).won(5, 150_000);
                    case 1 -> path.contacted(1).won(7, 150_000);
                    case 2 -> { } // still thinking about it
                    default -> path.contacted(1).objection("TRUST", "We have never heard of you", 3, null, 0)
                            .lost(14, "NO_DECISION");
                }
                prospect(path);
                index++;
            }
        }
    }

    private Instant at(int week, DayOfWeek weekday, int hour) {
        LocalDate date = start().plusWeeks(week).with(TemporalAdjusters.nextOrSame(weekday));
        return date.atTime(LocalTime.of(hour, 0)).toInstant(ZoneOffset.UTC);
    }

    /** Registers the prospect and walks the steps of its path that lie in the past. */
    private void prospect(Path path) throws IOException, InterruptedException {
        if (path.foundAt.isAfter(now)) {
            return;
        }
        RestClient client = sellers.get(path.owner);
        String prospects = urls.get("prospect-service") + "/prospects";
        UUID id = UUID.nameUUIDFromBytes((path.source + path.owner + path.foundAt + path.technique).getBytes());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id.toString());
        body.put("displayName", "Prospect " + id.toString().substring(0, 6));
        body.put("source", path.source);
        if (path.technique != null) {
            body.put("technique", path.technique);
        }
        body.put("owner", path.owner);
        body.put("estimatedValueMinor", path.estimatedValueMinor);
        body.put("currency", USD);
        body.put("foundAt", path.foundAt.toString());
        client.postExpecting(prospects, body, 201, 200);
        Tally.Cohort cohort = tally.cohort(path.source);
        cohort.found++;

        if (path.contactedAt != null && !path.contactedAt.isAfter(now)) {
            client.postExpecting(prospects + "/" + id + "/contact",
                    Map.of("by", path.owner, "at", path.contactedAt.toString()), 200, 409);
            cohort.contacted++;
        }
        if (path.objectionAt != null && !path.objectionAt.isAfter(now)) {
            raiseAndMaybeResolve(client, id, path);
        }
        if (path.wonAt != null && !path.wonAt.isAfter(now)) {
            client.postExpecting(prospects + "/" + id + "/win",
                    Map.of("valueMinor", path.wonValueMinor, "currency", USD, "at", path.wonAt.toString()), 200, 409);
            cohort.won++;
            if (path.contactedAt == null || path.contactedAt.isAfter(now)) {
                cohort.contacted++; // won counts as contacted
            }
        } else if (path.lostAt != null && !path.lostAt.isAfter(now)) {
            client.postExpecting(prospects + "/" + id + "/lose",
                    Map.of("reason", path.lostReason, "at", path.lostAt.toString()), 200, 409);
            cohort.lost++;
        }
    }

    /** objection-service learns of the prospect from Kafka: until it has, it answers 422, so try again. */
    private void raiseAndMaybeResolve(RestClient client, UUID prospect, Path path)
            throws IOException, InterruptedException {
        String objections = urls.get("objection-service") + "/objections";
        UUID id = UUID.nameUUIDFromBytes(("objection" + prospect).getBytes());
        Map<String, Object> body = Map.of("id", id.toString(), "prospectId", prospect.toString(),
                "category", path.objectionCategory, "statement", path.statement,
                "raisedAt", path.objectionAt.toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        RestClient.Reply reply = client.post(objections, body);
        while (reply.status() == 422 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(200);
            reply = client.post(objections, body);
        }
        if (reply.status() != 201 && reply.status() != 200) {
            throw new IllegalStateException("POST " + objections + " answered " + reply.status() + ": "
                    + reply.body());
        }
        tally.objectionsRaised++;
        tally.cohort(path.source).objected++;
        if (path.bridge != null && !path.resolvedAt.isAfter(now)) {
            client.postExpecting(objections + "/" + id + "/resolve",
                    Map.of("bridge", path.bridge, "resolvedAt", path.resolvedAt.toString()), 200, 409);
            tally.objectionsResolved++;
        }
    }

    /** One prospect's scripted path, in days after it was found. */
    private static final class Path {
        final String source;
        final String technique;
        final String owner;
        final Instant foundAt;
        final long estimatedValueMinor;
        Instant contactedAt;
        Instant objectionAt;
        String objectionCategory;
        String statement;
        String bridge;
        Instant resolvedAt;
        Instant wonAt;
        long wonValueMinor;
        Instant lostAt;
        String lostReason;

        Path(String source, String technique, String owner, Instant foundAt, long estimatedValueMinor) {
            this.source = source;
            this.technique = technique;
            this.owner = owner;
            this.foundAt = foundAt;
            this.estimatedValueMinor = estimatedValueMinor;
        }

        Path contacted(int days) {
            contactedAt = foundAt.plus(Duration.ofDays(days));
            return this;
        }

        Path objection(String category, String said, int days, String bridgedWith, int resolvedDays) {
            objectionCategory = category;
            statement = said;
            objectionAt = foundAt.plus(Duration.ofDays(days));
            bridge = bridgedWith;
            resolvedAt = bridgedWith == null ? null : foundAt.plus(Duration.ofDays(resolvedDays));
            return this;
        }

        Path won(int days, long valueMinor) {
            wonAt = foundAt.plus(Duration.ofDays(days));
            wonValueMinor = valueMinor;
            return this;
        }

        Path lost(int days, String reason) {
            lostAt = foundAt.plus(Duration.ofDays(days));
            lostReason = reason;
            return this;
        }
    }

    /** What the story did, counted by the story itself: the answers the funnel must give. */
    public static final class Tally {
        public long activities;
        public long minutes;
        public long costMinor;
        public long objectionsRaised;
        public long objectionsResolved;
        public final Map<String, Cohort> cohorts = new LinkedHashMap<>();

        Cohort cohort(String source) {
            return cohorts.computeIfAbsent(source, s -> new Cohort());
        }

        /** The prospects of one source. */
        public static final class Cohort {
            public long found;
            public long contacted;
            public long objected;
            public long won;
            public long lost;
        }
    }
}

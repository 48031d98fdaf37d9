package dev.funnel.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.funnel.events.EventType;
import dev.funnel.events.Topics;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole system as a user runs it: the launcher's stack with its own Keycloak, the demo story through the
 * REST APIs with each person's real token, and the funnel checked figure by figure against what the story itself
 * counted; the same figures after analytics-service crashes and comes back, and after the whole stack restarts on
 * its data. Then the topics are read as another team would, with a plain consumer, and every record is checked
 * against the published contract; and a seller cannot reach another seller's prospect, nor anyone without a
 * token anything.
 */
class EndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CATCH_UP = Duration.ofMinutes(3);

    @TempDir
    Path data;

    @Test
    void theFunnelAddsUpAcrossCrashesAndRestartsAndEveryRecordKeepsTheContract() throws Exception {
        StackSettings settings = LocalStackTest.settingsWithOwnKeycloak(data);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        DemoStory.Tally tally;
        DemoStory story;
        String firstAnswer;

        long starting = System.nanoTime();
        try (LocalStack stack = LocalStack.start(settings, LocalStackTest.quiet())) {
            System.out.printf("End to end: stack up in %.0f s; Keycloak resident %d MB%n",
                    (System.nanoTime() - starting) / 1e9, residentMegabytes(stack.keycloakStatus().pid()));
            story = new DemoStory(stack.urls(), stack.tokens(), today);
            tally = story.load();
            DemoReport report = new DemoReport(stack.urls(), stack.tokens(), story.start(), today);
            JsonNode funnel = report.awaitCaughtUp(tally, CATCH_UP);
            firstAnswer = assertFiguresMatch(stack, story, today, tally);
            assertTheDemoTellsTheStory(report, funnel);

            stack.restartService("analytics-service", true);
            report.awaitCaughtUp(tally, CATCH_UP);
            assertThat(assertFiguresMatch(stack, story, today, tally)).isEqualTo(firstAnswer);

            assertEveryRecordIsAContractCloudEvent(stack.bootstrapServers());
        }

        starting = System.nanoTime();
        try (LocalStack stack = LocalStack.start(settings, LocalStackTest.quiet())) {
            System.out.printf("End to end: stack up again in %.0f s (Keycloak installed and built already)%n",
                    (System.nanoTime() - starting) / 1e9);
            new DemoReport(stack.urls(), stack.tokens(), story.start(), today).awaitCaughtUp(tally, CATCH_UP);
            assertThat(assertFiguresMatch(stack, story, today, tally)).isEqualTo(firstAnswer);

            assertASellerCannotReachAnotherSellersProspectNorAnyoneWithoutAToken(stack);
        }
    }

    /**
     * Through the real stack and its Keycloak: sam's prospect is as unknown to alex as an id that does not
     * exist (404, so its existence is not leaked), while sam sees it; without a token, 401 with the challenge.
     */
    private static void assertASellerCannotReachAnotherSellersProspectNorAnyoneWithoutAToken(LocalStack stack)
            throws Exception {
        String prospects = stack.urls().get("prospect-service") + "/prospects";
        AccessTokens tokens = stack.tokens();
        HttpResponse<String> samsList = LocalStackTest.get(prospects + "?owner=sam", tokens.token("sam"));
        assertThat(samsList.statusCode()).as(samsList.body()).isEqualTo(200);
        JsonNode items = JSON.readTree(samsList.body()).path("items");
        assertThat(items).as("sam's prospects").isNotEmpty();
        String samsProspect = items.get(0).path("id").asText();
        assertThat(items.get(0).path("owner").asText()).isEqualTo("sam");

        assertThat(LocalStackTest.get(prospects + "/" + samsProspect, tokens.token("sam")).statusCode())
                .as("sam sees his own").isEqualTo(200);
        HttpResponse<String> asAlex = LocalStackTest.get(prospects + "/" + samsProspect, tokens.token("alex"));
        assertThat(asAlex.statusCode()).as("alex asks for sam's prospect: " + asAlex.body()).isEqualTo(404);

        HttpResponse<String> anonymous = LocalStackTest.get(prospects + "/" + samsProspect, null);
        assertThat(anonymous.statusCode()).as("no token: " + anonymous.body()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer"));
        for (Map.Entry<String, String> service : stack.urls().entrySet()) {
            String path = switch (service.getKey()) {
                case "activity-service" -> "/techniques";
                case "prospect-service" -> "/prospects";
                case "objection-service" -> "/objections/playbook";
                default -> "/funnel?from=2026-01-01&to=2026-01-31";
            };
            assertThat(LocalStackTest.get(service.getValue() + path, null).statusCode())
                    .as(service.getKey() + path + " without a token").isEqualTo(401);
        }
    }

    /** The process's resident memory and its children's (kc.sh runs Keycloak's JVM as its child). */
    private static long residentMegabytes(long pid) throws Exception {
        long kilobytes = 0;
        List<Long> pids = new ArrayList<>(List.of(pid));
        ProcessHandle.of(pid).ifPresent(process -> process.descendants().forEach(child -> pids.add(child.pid())));
        for (long each : pids) {
            for (String line : java.nio.file.Files.readAllLines(Path.of("/proc", Long.toString(each), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    kilobytes += Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        }
        return kilobytes / 1024;
    }

    /** What `--demo` prints: each part of the story, and the radio ad, given up after two weeks, seen as such. */
    private static void assertTheDemoTellsTheStory(DemoReport report, JsonNode funnel) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        report.print(funnel, new PrintStream(printed, true, StandardCharsets.UTF_8));
        String text = printed.toString(StandardCharsets.UTF_8);

        assertThat(text).contains("Hunting vs farming", "Is the garden watered every day?",
                "What each technique harvested");
        assertThat(text).containsPattern("(?m)^  MARKETING +\\d+ +\\d+").containsPattern("(?m)^  SALES +\\d+ +\\d+");
        assertThat(text).containsPattern("(?m)^  local-radio-ad +WEEKLY .* ABANDONED_EARLY$");
        assertThat(text).containsPattern("(?m)^  local-radio-ad +\\d+ +USD [0-9.]+ +0 +0 +0 +0 ");
        assertThat(text).doesNotContain("null");
    }

    /** Checks every cohort figure against the story's own count; returns the answers for later comparison. */
    private static String assertFiguresMatch(LocalStack stack, DemoStory story, LocalDate today,
            DemoStory.Tally tally)
            throws Exception {
        // The story's own last day, not the clock's: the test may run past midnight, and the answers compared
        // across restarts echo the range they were asked for.
        String query = "?from=" + story.start() + "&to=" + today;
        String analytics = stack.urls().get("analytics-service");
        String analyst = stack.tokens().token(DemoReport.ANALYST);
        JsonNode funnel = get(analytics + "/funnel" + query, analyst);
        JsonNode bySource = get(analytics + "/funnel/breakdown" + query + "&by=source", analyst);

        assertThat(funnel.path("effort").path("activities").asLong()).isEqualTo(tally.activities);
        assertThat(funnel.path("effort").path("minutes").asLong()).isEqualTo(tally.minutes);
        assertThat(funnel.path("effort").path("costMinor").path("USD").asLong()).isEqualTo(tally.costMinor);
        assertThat(funnel.path("objections").path("raised").asLong()).isEqualTo(tally.objectionsRaised);
        assertThat(funnel.path("objections").path("resolved").asLong()).isEqualTo(tally.objectionsResolved);
        for (JsonNode row : bySource.path("rows")) {
            DemoStory.Tally.Cohort expected = tally.cohorts.get(row.path("group").asText());
            JsonNode stages = row.path("stages");
            assertThat(stages.path("found").asLong()).as("found " + row.path("group")).isEqualTo(expected.found);
            assertThat(stages.path("contacted").asLong()).as("contacted").isEqualTo(expected.contacted);
            assertThat(stages.path("objected").asLong()).as("objected").isEqualTo(expected.objected);
            assertThat(stages.path("won").asLong()).as("won").isEqualTo(expected.won);
            assertThat(stages.path("lost").asLong()).as("lost").isEqualTo(expected.lost);
            assertThat(stages.path("open").asLong()).as("open")
                    .isEqualTo(expected.found - expected.won - expected.lost);
        }
        assertThat(bySource.path("rows")).hasSize(tally.cohorts.size());
        return funnel.toString() + bySource;
    }

    private static void assertEveryRecordIsAContractCloudEvent(String bootstrapServers) throws Exception {
        Map<String, JsonSchema> schemas = new HashMap<>();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        for (EventType type : EventType.values()) {
            try (InputStream schema = EventType.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
                schemas.put(type.ceType(), factory.getSchema(schema, config));
            }
        }
        List<ConsumerRecord<String, byte[]>> records = readAll(bootstrapServers, Topics.all());
        assertThat(records).isNotEmpty();
        Set<String> ids = new java.util.HashSet<>();
        Set<String> schemaLocations = new java.util.TreeSet<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            Map<String, String> headers = new HashMap<>();
            for (Header header : record.headers()) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
            assertThat(headers).containsEntry("ce_specversion", "1.0").containsEntry("content-type",
                    "application/json").containsKeys("ce_id", "ce_source", "ce_type", "ce_time", "ce_dataschema");
            assertThat(headers.get("ce_subject")).isEqualTo(record.key());
            JsonSchema schema = schemas.get(headers.get("ce_type"));
            assertThat(schema).as("schema of " + headers.get("ce_type")).isNotNull();
            Set<ValidationMessage> problems = schema.validate(JSON.readTree(record.value()));
            assertThat(problems).as(headers.get("ce_type") + " " + new String(record.value(), StandardCharsets.UTF_8))
                    .isEmpty();
            ids.add(headers.get("ce_id"));
            schemaLocations.add(headers.get("ce_dataschema"));
        }
        assertThat(ids).as("one record per event id").hasSize(records.size());
        for (String location : schemaLocations) {
            HttpResponse<String> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(location))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(served.statusCode()).as("ce_dataschema " + location + " resolves").isEqualTo(200);
            assertThat(JSON.readTree(served.body()).get("$id")).as(location).isNotNull();
        }
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(String bootstrapServers, List<String> topics) {
        Map<String, Object> config = Map.of("bootstrap.servers", bootstrapServers, "group.id", "another-team",
                "enable.auto.commit", "false", "isolation.level", "read_committed");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = topics.stream()
                    .flatMap(topic -> consumer.partitionsFor(topic).stream()
                            .map(info -> new TopicPartition(topic, info.partition())))
                    .collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private static JsonNode get(String url, String token) throws Exception {
        HttpResponse<String> response = LocalStackTest.get(url, token);
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}

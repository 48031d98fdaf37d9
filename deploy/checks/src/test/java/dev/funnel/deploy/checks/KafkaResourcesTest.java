package dev.funnel.deploy.checks;

import static dev.funnel.deploy.checks.Kustomize.name;
import static dev.funnel.deploy.checks.Kustomize.render;
import static dev.funnel.deploy.checks.Kustomize.resources;
import static dev.funnel.deploy.checks.WorkloadsTest.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.events.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Strimzi's KafkaTopics and KafkaUsers, held against the event contract and what each service really does. */
class KafkaResourcesTest {

    static final List<String> OVERLAYS = Kustomize.OVERLAYS;

    /** The Strimzi cluster every topic and user belongs to: Strimzi ignores resources labelled for another. */
    private static final String CLUSTER = "funnel";

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyContractTopicAndItsDeadLetterTopicAndNothingElseIsDeclared(String overlay) {
        List<JsonNode> manifests = render(Kustomize.overlay(overlay));
        Set<String> expected = new TreeSet<>();
        Topics.all().forEach(topic -> {
            expected.add(topic);
            expected.add(Topics.deadLetterTopicOf(topic));
        });

        assertThat(topicNames(manifests)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void topicsKeepTheirHistoryAndSurviveABrokerInProd(String overlay) {
        List<JsonNode> manifests = render(Kustomize.overlay(overlay));
        boolean prod = "prod".equals(overlay);
        SoftAssertions softly = new SoftAssertions();
        for (JsonNode topic : resources(manifests, "KafkaTopic")) {
            String name = topicName(topic);
            JsonNode spec = topic.path("spec");
            softly.assertThat(topic.path("apiVersion").asText()).as(name).isEqualTo("kafka.strimzi.io/v1");
            softly.assertThat(topic.path("metadata").path("labels").path("strimzi.io/cluster").asText()).as(name)
                    .isEqualTo(CLUSTER);
            softly.assertThat(spec.path("partitions").asInt()).as(name + " partitions").isEqualTo(3);
            softly.assertThat(spec.path("replicas").asInt()).as(name + " replicas").isEqualTo(prod ? 3 : 1);
            softly.assertThat(spec.path("config").path("min.insync.replicas").asInt()).as(name + " min ISR")
                    .isEqualTo(prod ? 2 : 1);
            if (!name.endsWith(Topics.DLQ_SUFFIX)) {
                // A projection rebuild replays every topic from offset 0: nothing may expire.
                softly.assertThat(spec.path("config").path("retention.ms").asLong()).as(name + " retention.ms")
                        .isEqualTo(-1);
                softly.assertThat(spec.path("config").path("cleanup.policy").asText()).as(name + " cleanup")
                        .isEqualTo("delete");
            }
        }
        softly.assertAll();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyAclNamesAnExistingTopicAndTheServicesOwnGroup(String overlay) {
        List<JsonNode> manifests = render(Kustomize.overlay(overlay));
        Set<String> topics = topicNames(manifests);
        SoftAssertions softly = new SoftAssertions();
        for (ServiceFacts service : ServiceFacts.all()) {
            JsonNode user = user(manifests, service);
            softly.assertThat(user.path("apiVersion").asText()).isEqualTo("kafka.strimzi.io/v1");
            softly.assertThat(user.path("metadata").path("labels").path("strimzi.io/cluster").asText())
                    .isEqualTo(CLUSTER);
            softly.assertThat(user.path("spec").path("authentication").path("type").asText())
                    .as(service + " authentication").isEqualTo("scram-sha-512");
            for (Acl acl : acls(user)) {
                softly.assertThat(acl.operations()).as(service + " " + acl).doesNotContain("All");
                softly.assertThat(acl.name()).as(service + " " + acl).isNotEqualTo("*");
                switch (acl.type()) {
                    case "topic" -> softly.assertThat(topics).as(service + " " + acl).contains(acl.name());
                    case "group" -> softly.assertThat(service.consumerGroups()).as(service + " " + acl)
                            .contains(acl.name());
                    case "transactionalId" -> softly.assertThat(acl.name() + "/" + acl.patternType())
                            .as(service + " " + acl).isEqualTo("funnel-outbox-/prefix");
                    case "cluster" -> softly.assertThat(acl.operations()).as(service + " " + acl)
                            .containsOnly("IdempotentWrite");
                    default -> softly.fail(service + ": unexpected ACL " + acl);
                }
            }
        }
        softly.assertAll();
    }

    /**
     * Least privilege, from what each service really does: it reads the topics its channels consume, with its own
     * group, writes the dead-letter topics of those, and writes the topics its outbox was seen publishing to in
     * its tests, with the outbox's transactional ids. Nothing more.
     */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void eachServiceMayDoWhatItDoesAndNothingMore(String overlay) {
        List<JsonNode> manifests = render(Kustomize.overlay(overlay));
        SoftAssertions softly = new SoftAssertions();
        for (ServiceFacts service : ServiceFacts.all()) {
            List<Acl> acls = acls(user(manifests, service));
            Set<String> consumed = service.consumedTopics();
            Set<String> deadLetters = consumed.stream().map(Topics::deadLetterTopicOf)
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> written = new TreeSet<>(service.publishedTopics());
            written.addAll(deadLetters);

            softly.assertThat(topicsWith(acls, "Read")).as(service + " reads").isEqualTo(consumed);
            softly.assertThat(topicsWith(acls, "Write")).as(service + " writes").isEqualTo(written);
            softly.assertThat(namesOf(acls, "group")).as(service + " groups").isEqualTo(service.consumerGroups());
            softly.assertThat(!namesOf(acls, "transactionalId").isEmpty()).as(service + " transactional ids")
                    .isEqualTo(service.usesOutbox());
            if (service.usesOutbox()) {
                softly.assertThat(service.publishedTopics()).as(service + " publishes through its outbox").isNotEmpty();
            }
        }
        softly.assertAll();
    }

    /**
     * KafkaUsersOnARealBrokerTest puts the ACLs of the base's KafkaUser files on a real broker: each overlay must
     * deploy exactly those users with exactly those ACLs, or the broker test would have checked something else.
     */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theOverlaysDeployTheKafkaUsersTheBrokerTestChecked(String overlay) {
        List<JsonNode> manifests = render(Kustomize.overlay(overlay));
        List<KafkaUsers.KafkaUser> base = KafkaUsers.inTheBase();
        assertThat(resources(manifests, "KafkaUser")).extracting(Kustomize::name)
                .containsExactlyInAnyOrderElementsOf(base.stream().map(KafkaUsers.KafkaUser::name).toList());
        SoftAssertions softly = new SoftAssertions();
        for (KafkaUsers.KafkaUser user : base) {
            KafkaUsers.KafkaUser deployed = KafkaUsers.read(
                    Kustomize.resource(manifests, "KafkaUser", user.name()).orElseThrow(), Kustomize.overlay(overlay));
            softly.assertThat(deployed.authentication()).as(overlay + " " + user.name())
                    .isEqualTo(user.authentication());
            softly.assertThat(deployed.acls()).as(overlay + " " + user.name())
                    .containsExactlyInAnyOrderElementsOf(user.acls());
        }
        softly.assertAll();
    }

    private static JsonNode user(List<JsonNode> manifests, ServiceFacts service) {
        return Kustomize.resource(manifests, "KafkaUser", service.name)
                .orElseThrow(() -> new AssertionError("No KafkaUser " + service));
    }

    private static Set<String> topicNames(List<JsonNode> manifests) {
        return resources(manifests, "KafkaTopic").stream().map(KafkaResourcesTest::topicName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** spec.topicName when set, as Strimzi reads it, else the resource's name. */
    private static String topicName(JsonNode topic) {
        String topicName = topic.path("spec").path("topicName").asText();
        return topicName.isEmpty() ? name(topic) : topicName;
    }

    private static Set<String> topicsWith(List<Acl> acls, String operation) {
        return acls.stream().filter(acl -> "topic".equals(acl.type()) && acl.operations().contains(operation))
                .map(Acl::name).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> namesOf(List<Acl> acls, String type) {
        return acls.stream().filter(acl -> type.equals(acl.type())).map(Acl::name)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<Acl> acls(JsonNode user) {
        List<Acl> acls = new ArrayList<>();
        user.path("spec").path("authorization").path("acls").forEach(acl -> {
            JsonNode resource = acl.path("resource");
            acls.add(new Acl(resource.path("type").asText(), resource.path("name").asText(),
                    resource.path("patternType").asText("literal"), texts(acl.path("operations"))));
        });
        return acls;
    }

    record Acl(String type, String name, String patternType, List<String> operations) {
    }
}

package dev.funnel.analytics.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.funnel.events.Topics;
import dev.funnel.testing.FunnelTestResources;
import dev.funnel.testing.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * One instance runs two live consumers of the projection's group ({@code concurrency=2}), so that one batch is
 * decoded and built while the other waits for the database: both are members of the group, and between them they
 * hold every partition of the four topics, each partition once and half each (Kafka's default assignor, range, deals
 * each topic on its own: of three partitions per topic one consumer would get two, the other one).
 */
@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class LiveConsumersTest {

    /** Generous: other builds share these two cores. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void twoConsumersOfTheGroupShareEveryPartition() throws Exception {
        String group = ConfigProvider.getConfig().getValue("mp.messaging.incoming.funnel-events.group.id",
                String.class);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestInfrastructure.kafka().bootstrapServers()))) {
            List<TopicPartition> partitions = admin.describeTopics(Topics.all()).allTopicNames().get().values()
                    .stream()
                    .flatMap(topic -> topic.partitions().stream()
                            .map(partition -> new TopicPartition(topic.name(), partition.partition())))
                    .toList();
            assertThat(partitions).hasSizeGreaterThanOrEqualTo(2 * Topics.all().size());

            await().atMost(PATIENCE).untilAsserted(() -> {
                ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get()
                        .get(group);
                assertThat(description.members()).as("members of " + group).hasSize(2);
                List<TopicPartition> held = description.members().stream()
                        .flatMap(member -> member.assignment().topicPartitions().stream())
                        .toList();
                assertThat(held).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(partitions);
                assertThat(description.members().stream()
                        .collect(Collectors.toMap(MemberDescription::consumerId,
                                member -> member.assignment().topicPartitions().size())))
                        .as("partitions per consumer, dealt round-robin over the topics together")
                        .allSatisfy((member, count) -> assertThat(count).as(member).isEqualTo(partitions.size() / 2));
            });
        }
    }
}

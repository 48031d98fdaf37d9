package dev.funnel.deploy.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.deploy.checks.KafkaUsers.KafkaUser;
import dev.funnel.events.Topics;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.server.common.MetadataVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The production Kafka security, exercised once against a real broker. Apache Kafka runs in this JVM in KRaft mode
 * (Kafka's own test kit) with the authorizer that Strimzi's {@code authorization: simple} uses there
 * ({@code StandardAuthorizer}, nothing allowed without an ACL) and a SASL listener that takes the mechanism of the
 * KafkaUser resources (SCRAM-SHA-512). A super user creates the topics of {@code base/kafka}, a SCRAM credential
 * for each KafkaUser, and exactly the ACLs that the KafkaUser YAML files declare, read and translated as Strimzi's
 * User Operator does ({@link KafkaUsers}), not a copy of them. Then each service's credentials, used the way the
 * service uses Kafka, must do what the service does and nothing more:
 *
 * <ul>
 *   <li>a service with the outbox writes the topic it publishes in a Kafka transaction, with a transactional id
 *       of the outbox's form (and no other);</li>
 *   <li>a consumer reads the topics its channels consume, as its own group, commits its offsets, and writes their
 *       dead-letter topics;</li>
 *   <li>it writes no other topic, reads no other topic, and joins no other service's group;</li>
 *   <li>a wrong password or an unknown user is refused when it logs in.</li>
 * </ul>
 *
 * What each service does comes from the service, not from the ACLs: the topic its outbox published while its tests
 * ran, the topics and group of its channels ({@link ServiceFacts}), and the SASL mechanism of its settings.env.
 *
 * <p>Not exercised: TLS. The SSL of prod's SASL_SSL is Strimzi's listener configuration (its cluster CA's
 * certificates, which the clients check against the CA mounted from {@code funnel-cluster-ca-cert}); here SCRAM
 * runs over plain TCP, as in the dev overlay's SASL_PLAINTEXT. Authentication and authorization are the same on
 * both.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaUsersOnARealBrokerTest {

    /** The listener the services log in on, as Strimzi's SCRAM listeners; the kit's own two stay internal. */
    private static final String SERVICES_LISTENER = "SERVICES";
    private static final String BROKER_LISTENER = "EXTERNAL";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    /** The broker's own identity and the setup's super user, on the internal listeners with SASL PLAIN. */
    private static final String BROKER_USER = "broker";
    private static final String ADMIN_USER = "admin";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** Where platform/outbox builds its transactional ids: {@code "funnel-outbox-" + UUID.randomUUID()}. */
    private static final Pattern OUTBOX_TRANSACTIONAL_ID = Pattern.compile(
            "transactionalId\\s*=\\s*\"([^\"]+)\"\\s*\\+\\s*UUID\\.randomUUID\\(\\)");

    private final String brokerPassword = UUID.randomUUID().toString();
    private final String adminPassword = UUID.randomUUID().toString();
    private final Map<String, String> passwords = new TreeMap<>();
    private final Map<String, KafkaUser> users = new TreeMap<>();
    private KafkaClusterTestKit cluster;
    private String servicesBootstrap;

    @BeforeAll
    void startTheBrokerWithTheUsersAndTheirAcls() throws Exception {
        KafkaUsers.inTheBase().forEach(user -> users.put(user.name(), user));
        assertThat(users.keySet()).as("a KafkaUser per service").containsExactlyInAnyOrderElementsOf(
                Repository.services());
        Set<String> mechanisms = users.values().stream().map(KafkaUser::saslMechanism)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(mechanisms).as("one SCRAM mechanism for every KafkaUser").hasSize(1);
        String mechanism = mechanisms.iterator().next();

        keepTheTestJvmAlive();
        cluster = startBroker(mechanism);
        int port = cluster.brokers().values().iterator().next().boundPort(new ListenerName(SERVICES_LISTENER));
        servicesBootstrap = "localhost:" + port;

        try (Admin admin = Admin.create(superUser())) {
            admin.createTopics(topics().stream().map(topic -> new NewTopic(topic, 3, (short) 1)).toList())
                    .all().get();
            List<UserScramCredentialAlteration> credentials = new ArrayList<>();
            for (KafkaUser user : users.values()) {
                String password = UUID.randomUUID().toString();
                passwords.put(user.name(), password);
                credentials.add(new UserScramCredentialUpsertion(user.name(),
                        new ScramCredentialInfo(ScramMechanism.fromMechanismName(mechanism), 4096), password));
            }
            admin.alterUserScramCredentials(credentials).all().get();
            List<AclBinding> acls = users.values().stream().flatMap(user -> user.acls().stream()).toList();
            admin.createAcls(acls).all().get();
            // The broker applies metadata in order: once its authorizer lists every ACL, it also has the
            // credentials, which were committed before them.
            await().atMost(PATIENCE).until(() -> admin.describeAcls(AclBindingFilter.ANY).values().get(),
                    listed -> listed.containsAll(acls));
            assertThat(admin.describeAcls(AclBindingFilter.ANY).values().get()).as("ACLs on the broker")
                    .hasSameSizeAs(acls);
        }
    }

    @AfterAll
    void stopTheBroker() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    List<ServiceFacts> producingServices() {
        return ServiceFacts.all().stream().filter(ServiceFacts::usesOutbox).toList();
    }

    List<ServiceFacts> consumingServices() {
        return ServiceFacts.all().stream().filter(service -> !service.consumedTopics().isEmpty()).toList();
    }

    List<ServiceFacts> services() {
        return ServiceFacts.all();
    }

    @ParameterizedTest
    @MethodSource("producingServices")
    void theOutboxWritesItsTopicInATransactionWithTheServicesCredentials(ServiceFacts service) throws Exception {
        assertThat(service.publishedTopics()).as(service + " published while its tests ran").isNotEmpty();
        for (String topic : service.publishedTopics()) {
            String key = UUID.randomUUID().toString();
            publishInATransaction(service, topic, key);

            assertThat(committedKeys(topic)).as(service + " wrote " + topic).contains(key);
        }
    }

    @ParameterizedTest
    @MethodSource("producingServices")
    void aTransactionalIdOfAnotherFormIsRefused(ServiceFacts service) {
        Map<String, Object> settings = producerSettings(service);
        settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "not-the-outbox-" + UUID.randomUUID());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings)) {
            assertThatThrownBy(producer::initTransactions).isInstanceOf(TransactionalIdAuthorizationException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("consumingServices")
    void aConsumerReadsWhatItConsumesAsItsGroupAndWritesTheirDeadLetters(ServiceFacts service) throws Exception {
        Map<String, String> sent = new TreeMap<>();
        for (String topic : service.consumedTopics()) {
            String key = UUID.randomUUID().toString();
            publishInATransaction(publisherOf(topic), topic, key);
            sent.put(key, topic);
        }
        assertThat(service.consumerGroups()).as(service + " consumes with one group").hasSize(1);
        Map<String, Object> settings = consumerSettings(service);
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, service.consumerGroups().iterator().next());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings)) {
            consumer.subscribe(service.consumedTopics());
            Map<String, String> received = new TreeMap<>();
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> received.put(record.key(), record.topic()));
                return received.entrySet().containsAll(sent.entrySet());
            });
            consumer.commitSync();
        }

        try (KafkaProducer<String, String> deadLetters = new KafkaProducer<>(producerSettings(service))) {
            for (String topic : service.consumedTopics()) {
                deadLetters.send(new ProducerRecord<>(Topics.deadLetterTopicOf(topic), "key", "poison")).get();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("services")
    void noServiceWritesATopicItDoesNotWrite(ServiceFacts service) {
        Set<String> others = new TreeSet<>(topics());
        others.removeAll(writtenBy(service));
        assertThat(others).as("topics " + service + " may not write").isNotEmpty();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerSettings(service))) {
            for (String topic : others) {
                assertThatThrownBy(() -> producer.send(new ProducerRecord<>(topic, "key", "value")).get())
                        .as(service + " writes " + topic).isInstanceOf(ExecutionException.class)
                        .cause().isInstanceOf(TopicAuthorizationException.class);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("services")
    void noServiceReadsATopicItDoesNotConsume(ServiceFacts service) {
        Set<String> others = new TreeSet<>(topics());
        others.removeAll(service.consumedTopics());
        for (String topic : others) {
            // Without a group, so that only the topic's own ACLs are asked; one consumer a topic, so that each
            // refusal is about that topic alone.
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerSettings(service))) {
                consumer.assign(List.of(new TopicPartition(topic, 0)));
                assertThatThrownBy(() -> consumer.poll(PATIENCE)).as(service + " reads " + topic)
                        .isInstanceOf(TopicAuthorizationException.class);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("services")
    void noServiceUsesTheGroupOfAnother(ServiceFacts service) {
        Set<String> others = new TreeSet<>();
        ServiceFacts.all().forEach(other -> others.addAll(other.consumerGroups()));
        others.removeAll(service.consumerGroups());
        assertThat(others).isNotEmpty();
        try (Admin admin = Admin.create(userSettings(service.name, passwords.get(service.name)))) {
            for (String group : others) {
                assertThatThrownBy(() -> admin.listConsumerGroupOffsets(group).all().get())
                        .as(service + " uses the group " + group).isInstanceOf(ExecutionException.class)
                        .cause().isInstanceOf(GroupAuthorizationException.class);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("services")
    void aWrongPasswordIsRefused(ServiceFacts service) {
        try (Admin admin = Admin.create(userSettings(service.name, passwords.get(service.name) + "x"))) {
            assertThatThrownBy(() -> admin.describeCluster().clusterId().get()).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void anUnknownUserIsRefused() {
        try (Admin admin = Admin.create(userSettings("somebody-else", UUID.randomUUID().toString()))) {
            assertThatThrownBy(() -> admin.describeCluster().clusterId().get()).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(SaslAuthenticationException.class);
        }
    }

    /** What the service writes: the topics its outbox publishes and the dead-letter topics of what it consumes. */
    private static Set<String> writtenBy(ServiceFacts service) {
        Set<String> written = new TreeSet<>(service.publishedTopics());
        service.consumedTopics().forEach(topic -> written.add(Topics.deadLetterTopicOf(topic)));
        return written;
    }

    private static ServiceFacts publisherOf(String topic) {
        return ServiceFacts.all().stream().filter(service -> service.publishedTopics().contains(topic)).findFirst()
                .orElseThrow(() -> new AssertionError("No service publishes " + topic));
    }

    /** As the outbox relay sends: one Kafka transaction, idempotent, acknowledged by all replicas. */
    private void publishInATransaction(ServiceFacts service, String topic, String key) throws Exception {
        Map<String, Object> settings = producerSettings(service);
        settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, outboxTransactionalIdPrefix() + UUID.randomUUID());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings)) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, key, "{}")).get();
            producer.commitTransaction();
        }
    }

    /** The keys a read_committed reader finds in a topic, read as the super user. */
    private List<String> committedKeys(String topic) {
        Map<String, Object> settings = new HashMap<>(superUser());
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<String> keys = new ArrayList<>();
            await().atMost(PATIENCE).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    keys.add(record.key());
                }
                return partitions.stream().allMatch(partition -> consumer.position(partition) >= ends.get(partition));
            });
            return keys;
        }
    }

    private Map<String, Object> producerSettings(ServiceFacts service) {
        Map<String, Object> settings = userSettings(service.name, passwords.get(service.name));
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return settings;
    }

    /** As the services' channels read: committed records only, from the start for a new group. */
    private Map<String, Object> consumerSettings(ServiceFacts service) {
        Map<String, Object> settings = userSettings(service.name, passwords.get(service.name));
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return settings;
    }

    /**
     * A service's client settings as its Deployment gives them: the SASL mechanism of its settings.env, and the
     * line Strimzi puts into the KafkaUser's Secret ({@code sasl.jaas.config}), here with this run's password.
     */
    private Map<String, Object> userSettings(String user, String password) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, servicesBootstrap);
        settings.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        settings.put(SaslConfigs.SASL_MECHANISM, saslMechanismOfTheSettings(user));
        settings.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule "
                + "required username=\"" + user + "\" password=\"" + password + "\";");
        return settings;
    }

    /** KAFKA_SASL_MECHANISM of a service's settings.env; a user that is no service takes the KafkaUsers' one. */
    private String saslMechanismOfTheSettings(String user) {
        Path settings = Repository.deploy().resolve("k8s/base").resolve(user).resolve("settings.env");
        if (!Files.isRegularFile(settings)) {
            return users.values().iterator().next().saslMechanism();
        }
        Properties environment = new Properties();
        try {
            environment.load(new StringReader(Repository.read(settings)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String mechanism = environment.getProperty("KAFKA_SASL_MECHANISM");
        assertThat(mechanism).as(settings + " KAFKA_SASL_MECHANISM").isEqualTo(users.get(user).saslMechanism());
        return mechanism;
    }

    private Map<String, Object> superUser() {
        Map<String, Object> settings = new HashMap<>();
        settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        settings.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        settings.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
        settings.put(SaslConfigs.SASL_JAAS_CONFIG, plainLogin(ADMIN_USER, adminPassword, ""));
        return settings;
    }

    /** The KafkaTopics of deploy/k8s/base/kafka: spec.topicName, or the resource's name. */
    private static Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        Path file = Repository.deploy().resolve("k8s/base/kafka/topics.yaml");
        for (JsonNode topic : Kustomize.parse(Repository.read(file))) {
            if ("KafkaTopic".equals(topic.path("kind").asText())) {
                String name = topic.path("spec").path("topicName").asText();
                topics.add(name.isEmpty() ? Kustomize.name(topic) : name);
            }
        }
        return topics;
    }

    private static String outboxTransactionalIdPrefix() {
        String sender = Repository.read(Repository.root()
                .resolve("platform/outbox/src/main/java/dev/funnel/outbox/OutboxSender.java"));
        Matcher matcher = OUTBOX_TRANSACTIONAL_ID.matcher(sender);
        assertThat(matcher.find()).as("OutboxSender builds its transactional id as \"prefix\" + UUID.randomUUID()")
                .isTrue();
        return matcher.group(1);
    }

    /**
     * One combined broker and controller. The kit's own listeners (the broker's, which is also the inter-broker
     * one, and the controller's) take SASL PLAIN with static users: the broker itself and the setup's super user.
     * The services' listener takes only the KafkaUsers' SCRAM mechanism, whose credentials live in the cluster
     * metadata, created by the super user as Strimzi's User Operator creates them.
     */
    private KafkaClusterTestKit startBroker(String scramMechanism) throws Exception {
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                // The kit defaults to an unstable testing version; Strimzi runs released ones.
                .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                .build();
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
        Map<String, Object> settings = new HashMap<>();
        settings.put("listeners", BROKER_LISTENER + "://localhost:0," + CONTROLLER_LISTENER + "://localhost:0,"
                + SERVICES_LISTENER + "://localhost:0");
        settings.put("listener.security.protocol.map", BROKER_LISTENER + ":SASL_PLAINTEXT," + CONTROLLER_LISTENER
                + ":SASL_PLAINTEXT," + SERVICES_LISTENER + ":SASL_PLAINTEXT");
        settings.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
        settings.put("sasl.mechanism.controller.protocol", "PLAIN");
        String internalUsers = "user_" + BROKER_USER + "=\"" + brokerPassword + "\" user_" + ADMIN_USER + "=\""
                + adminPassword + "\"";
        for (String internal : List.of(BROKER_LISTENER, CONTROLLER_LISTENER)) {
            String prefix = "listener.name." + internal.toLowerCase() + ".";
            settings.put(prefix + "sasl.enabled.mechanisms", "PLAIN");
            settings.put(prefix + "plain.sasl.jaas.config", plainLogin(BROKER_USER, brokerPassword, internalUsers));
        }
        String services = "listener.name." + SERVICES_LISTENER.toLowerCase() + ".";
        settings.put(services + "sasl.enabled.mechanisms", scramMechanism);
        settings.put(services + scramMechanism.toLowerCase() + ".sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        // Strimzi's simple authorization in KRaft: nothing without an ACL, apart from the super users.
        settings.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        settings.put("allow.everyone.if.no.acl.found", "false");
        settings.put("super.users", "User:" + BROKER_USER + ";User:" + ADMIN_USER);
        // As the strimzi-kafka component: topics exist only as KafkaTopics say.
        settings.put("auto.create.topics.enable", "false");
        settings.put("offsets.topic.replication.factor", "1");
        settings.put("offsets.topic.num.partitions", "3");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("transaction.state.log.num.partitions", "3");
        settings.put("group.initial.rebalance.delay.ms", "0");
        settings.forEach(builder::setConfigProp);
        KafkaClusterTestKit started = builder.build();
        started.format();
        started.startup();
        started.waitForReadyBrokers();
        return started;
    }

    private static String plainLogin(String user, String password, String users) {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user
                + "\" password=\"" + password + "\" " + users + ";";
    }

    /**
     * Kafka ends its process on a fatal fault (Exit.halt); in this test JVM it throws instead, as in Kafka's own
     * tests and platform/testing's broker, so that a fault fails the test rather than the build's JVM.
     */
    private static void keepTheTestJvmAlive() {
        Exit.Procedure refuse = (status, message) -> {
            throw new IllegalStateException("The embedded Kafka broker asked to end the JVM with status " + status
                    + ": " + message);
        };
        Exit.setExitProcedure(refuse);
        Exit.setHaltProcedure(refuse);
    }
}

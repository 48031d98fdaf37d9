package dev.funnel.deploy.checks;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The Strimzi KafkaUser resources of deploy/k8s/base, read from their YAML files and turned into what Strimzi's User
 * Operator makes of them on the broker: a SCRAM principal {@code User:<metadata.name>} and Kafka ACL bindings, one per
 * operation of each {@code spec.authorization.acls} entry. Strict: a field or value this reading does not know fails,
 * so a KafkaUser can never be checked with less than it says.
 */
final class KafkaUsers {

    /** Strimzi names the cluster resource nothing; Kafka calls it this. */
    private static final String CLUSTER_RESOURCE_NAME = "kafka-cluster";
    private static final Set<String> ACL_FIELDS = Set.of("resource", "operations", "host", "type");
    private static final Set<String> RESOURCE_FIELDS = Set.of("type", "name", "patternType");

    private KafkaUsers() {
    }

    record KafkaUser(String name, String authentication, List<AclBinding> acls, Path file) {

        String principal() {
            return "User:" + name;
        }

        /** SCRAM-SHA-512 for Strimzi's {@code scram-sha-512}: the SASL mechanism its users log in with. */
        String saslMechanism() {
            if (!authentication.startsWith("scram-sha-")) {
                throw new IllegalStateException(file + ": authentication " + authentication + " is not SCRAM");
            }
            return authentication.toUpperCase(Locale.ROOT);
        }
    }

    /** Every KafkaUser in deploy/k8s/base, whichever file it is in. */
    static List<KafkaUser> inTheBase() {
        List<KafkaUser> users = new ArrayList<>();
        for (Path file : yamlFiles(Repository.deploy().resolve("k8s/base"))) {
            for (JsonNode manifest : Kustomize.parse(Repository.read(file))) {
                if ("KafkaUser".equals(manifest.path("kind").asText())) {
                    users.add(read(manifest, file));
                }
            }
        }
        return users;
    }

    static KafkaUser read(JsonNode manifest, Path file) {
        String name = Kustomize.name(manifest);
        JsonNode spec = manifest.path("spec");
        String authorization = spec.path("authorization").path("type").asText();
        if (!"simple".equals(authorization)) {
            throw new IllegalStateException(file + ": authorization " + authorization + " is not Strimzi's simple");
        }
        List<AclBinding> bindings = new ArrayList<>();
        for (JsonNode acl : spec.path("authorization").path("acls")) {
            onlyKnownFields(acl, ACL_FIELDS, file + " ACL " + acl);
            JsonNode resource = acl.path("resource");
            onlyKnownFields(resource, RESOURCE_FIELDS, file + " ACL resource " + resource);
            ResourceType type = ResourceType.fromString(upperSnake(resource.path("type").asText()));
            PatternType patternType = patternType(resource.path("patternType").asText("literal"), file);
            String resourceName = type == ResourceType.CLUSTER ? CLUSTER_RESOURCE_NAME : resource.path("name").asText();
            AclPermissionType permission = AclPermissionType.fromString(acl.path("type").asText("allow"));
            String host = acl.path("host").asText("*");
            known(type != ResourceType.UNKNOWN && permission != AclPermissionType.UNKNOWN && !resourceName.isEmpty(),
                    file + ": cannot read the ACL " + acl);
            for (JsonNode operationName : acl.path("operations")) {
                AclOperation operation = AclOperation.fromString(upperSnake(operationName.asText()));
                known(operation != AclOperation.UNKNOWN, file + ": unknown operation " + operationName);
                bindings.add(new AclBinding(new ResourcePattern(type, resourceName, patternType),
                        new AccessControlEntry("User:" + name, host, operation, permission)));
            }
            known(acl.path("operations").size() > 0, file + ": an ACL without operations " + acl);
        }
        return new KafkaUser(name, spec.path("authentication").path("type").asText(), List.copyOf(bindings), file);
    }

    /** Strimzi's "prefix" is Kafka's PREFIXED; "literal" is the same word. */
    private static PatternType patternType(String strimzi, Path file) {
        return switch (strimzi) {
            case "literal" -> PatternType.LITERAL;
            case "prefix" -> PatternType.PREFIXED;
            default -> throw new IllegalStateException(file + ": unknown patternType " + strimzi);
        };
    }

    /** Strimzi's camel case (IdempotentWrite, transactionalId) as Kafka's enum names (IDEMPOTENT_WRITE, ...). */
    static String upperSnake(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    private static void onlyKnownFields(JsonNode node, Set<String> known, String where) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            known(known.contains(field), where + ": the field " + field + " is not read by this check");
        }
    }

    private static void known(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalStateException(problem);
        }
    }

    private static List<Path> yamlFiles(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

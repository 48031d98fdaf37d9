package dev.funnel.deploy.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** {@code kubectl kustomize} of a directory, parsed: each rendering is done once per test JVM. */
final class Kustomize {

    static final List<String> OVERLAYS = List.of("dev", "prod");

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Map<Path, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();
    private static final String SKIPPED = "kubectl is not installed here: the Kubernetes manifests were not "
            + "rendered or checked (install kubectl, which includes kustomize, to run these checks)";
    private static final boolean KUBECTL = kubectlPresent();

    private Kustomize() {
    }

    static Path overlay(String name) {
        return Repository.deploy().resolve("k8s/overlays").resolve(name);
    }

    /** The rendered manifests of an overlay; the calling test is skipped, saying why, where kubectl is absent. */
    static List<JsonNode> render(Path directory) {
        Assumptions.assumeTrue(KUBECTL, SKIPPED);
        return RENDERED.computeIfAbsent(directory, Kustomize::run);
    }

    static List<JsonNode> resources(List<JsonNode> manifests, String kind) {
        return manifests.stream().filter(manifest -> kind.equals(manifest.path("kind").asText())).toList();
    }

    static Optional<JsonNode> resource(List<JsonNode> manifests, String kind, String name) {
        return resources(manifests, kind).stream().filter(manifest -> name.equals(name(manifest))).findFirst();
    }

    static String name(JsonNode manifest) {
        return manifest.path("metadata").path("name").asText();
    }

    static List<JsonNode> parse(String yaml) {
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            List<JsonNode> parsed = new ArrayList<>();
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    parsed.add(document);
                }
            }
            return parsed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> run(Path directory) {
        try {
            Process process = new ProcessBuilder("kubectl", "kustomize", directory.toString())
                    .redirectErrorStream(false).start();
            byte[] out = process.getInputStream().readAllBytes();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + directory + " failed: " + err);
            }
            return parse(new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean kubectlPresent() {
        try {
            Process process = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(1, TimeUnit.MINUTES) && process.exitValue() == 0;
        } catch (IOException e) {
            // Surefire lists skipped tests without their reason: say it once where the build log shows it.
            System.err.println("[deploy/checks] " + SKIPPED);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

package dev.funnel.webapp.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The web app started while its identity provider is unreachable (port 1 on loopback refuses every connection): a
 * person who opens a page reads that sign-in is not available, as a 503 with Retry-After, not a plain-text 500.
 */
@QuarkusTest
@TestProfile(SignInUnavailableTest.ProviderUnreachable.class)
class SignInUnavailableTest {

    public static class ProviderUnreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.auth-server-url", "http://127.0.0.1:1/realms/funnel");
        }
    }

    @TestHTTPResource("/")
    URI root;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aPageAskedForWhileTheProviderIsDownSaysSignInIsNotAvailable() throws Exception {
        for (String path : new String[] {"today", "pipeline", ""}) {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(root.resolve(path)).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(page.statusCode()).as(path).isEqualTo(503);
            assertThat(page.headers().firstValue("Retry-After")).as(path).hasValue("10");
            assertThat(page.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/html"));
            assertThat(page.body()).as(path).contains("Sign-in is not available right now", "Nothing was lost")
                    .doesNotContain("Exception", "Error id");
        }
    }

    @Test
    void thePublicPagesStillWork() throws Exception {
        HttpResponse<String> signedOut = http.send(HttpRequest.newBuilder(root.resolve("signed-out")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(signedOut.statusCode()).isEqualTo(200);
        assertThat(signedOut.body()).contains("You are signed out");
    }
}

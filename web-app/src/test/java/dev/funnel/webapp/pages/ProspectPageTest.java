package dev.funnel.webapp.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.funnel.webapp.client.ApiProblem;
import dev.funnel.webapp.client.ObjectionApi;
import dev.funnel.webapp.view.FormErrors;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProspectPageTest {

    private static final ObjectionApi.NewObjection OBJECTION = new ObjectionApi.NewObjection(UUID.randomUUID(),
            UUID.randomUUID(), "PRICE", "Too dear");

    /** An objection-service that answers the raises with these statuses in turn (201 records it). */
    private static ObjectionApi answering(List<ObjectionApi.NewObjection> sent, int... statuses) {
        AtomicInteger call = new AtomicInteger();
        return (ObjectionApi) Proxy.newProxyInstance(ObjectionApi.class.getClassLoader(),
                new Class<?>[] {ObjectionApi.class}, (proxy, method, args) -> {
                    sent.add((ObjectionApi.NewObjection) args[0]);
                    int status = statuses[Math.min(call.getAndIncrement(), statuses.length - 1)];
                    if (status != 201) {
                        throw new ApiProblem(status, "Unprocessable Content", "not known yet", List.of(), Map.of(),
                                Optional.of(2));
                    }
                    return null;
                });
    }

    @Test
    void aRaiseTheReplicaIsNotReadyForIsSentAgainWithTheSameIdUntilItIsTaken() {
        List<ObjectionApi.NewObjection> sent = new ArrayList<>();

        ProspectPage.raiseOnceKnown(answering(sent, 422, 422, 201), OBJECTION, Duration.ofSeconds(5));

        assertThat(sent).hasSize(3).containsOnly(OBJECTION);
    }

    @Test
    void theWaitForTheReplicaIsBoundedAndTheRefusalComesThrough() {
        List<ObjectionApi.NewObjection> sent = new ArrayList<>();
        long start = System.nanoTime();

        assertThatThrownBy(() -> ProspectPage.raiseOnceKnown(answering(sent, 422), OBJECTION, Duration.ofSeconds(1)))
                .isInstanceOf(ApiProblem.class).extracting(problem -> ((ApiProblem) problem).status()).isEqualTo(422);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_500));
        assertThat(sent).hasSizeBetween(2, 3);
    }

    @Test
    void anyOtherRefusalIsNotRetried() {
        List<ObjectionApi.NewObjection> sent = new ArrayList<>();

        assertThatThrownBy(() -> ProspectPage.raiseOnceKnown(answering(sent, 409), OBJECTION, Duration.ofSeconds(5)))
                .isInstanceOf(ApiProblem.class);

        assertThat(sent).hasSize(1);
    }

    @Test
    void aRefusedWinValueLandsOnTheValueTyped() {
        FormErrors shown = ProspectPage.onInputs(new FormErrors("Bad Request", Map.of("valueMinor",
                "must be greater than or equal to 1")), Map.of("valueMinor", "value", "currency", "value"));

        assertThat(shown.of("value")).isEqualTo("must be greater than or equal to 1");
        assertThat(shown.has("valueMinor")).isFalse();
    }
}

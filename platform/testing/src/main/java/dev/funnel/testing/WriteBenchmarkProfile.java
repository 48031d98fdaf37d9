package dev.funnel.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/**
 * A service's write benchmark: the test profile and the {@code benchmark} config profile on top of it (the only
 * profile under which {@code OutboxBenchmarkSwitch} may turn the outbox off), against a durable database of its
 * own ({@link DurableTestResources}).
 */
public class WriteBenchmarkProfile implements QuarkusTestProfile {

    @Override
    public String getConfigProfile() {
        return "test,benchmark";
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(DurableTestResources.class));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}

package dev.funnel.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * A test profile whose application reaches the broker only through {@link TestInfrastructure#kafkaProxy()}, which
 * the test can freeze: use it with {@code @TestProfile(BrokerBehindProxy.class)}. No global test resource applies,
 * so the shared broker's address cannot win.
 */
public class BrokerBehindProxy implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FunnelTestResources.class, Map.of("kafka", "behind-proxy")));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}

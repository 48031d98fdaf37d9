package dev.funnel.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * Before each {@code @QuarkusTest} method: RestAssured sends a valid token of {@link TestTokens#OWNER}, who holds
 * every role, so that a test of what an endpoint does need not repeat who may call it. A test of who may call it
 * says so on its request: {@code .auth().oauth2(TestTokens.of("sam", "seller"))} or {@code .auth().none()}.
 * A fresh token each time, so a long test run never meets an expired one.
 */
public class EveryRoleByDefault implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        RestAssured.authentication = RestAssured.oauth2(TestTokens.of(TestTokens.OWNER, TestTokens.EVERY_ROLE));
    }
}

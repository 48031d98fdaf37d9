package dev.funnel.local;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * On a browser test class ({@code @ExtendWith(RequiresBrowser.class)}): without Chromium and chromedriver the class
 * is reported as skipped, with the reason and how to install them, before anything starts; with
 * {@code FUNNEL_REQUIRE_BROWSER=1} it fails instead. A skip from {@code @BeforeAll} would be counted as no test at
 * all, with no reason shown.
 */
final class RequiresBrowser implements ExecutionCondition {

    /** Said once on the console: surefire counts skipped tests there but keeps their reasons in its reports. */
    private static final AtomicBoolean SAID = new AtomicBoolean();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        try {
            Browser.Installation.require(System.getenv(), System.getProperties());
            return ConditionEvaluationResult.enabled("Chromium and chromedriver are installed");
        } catch (TestAbortedException e) {
            if (!SAID.getAndSet(true)) {
                System.out.println("Browser tests skipped: " + e.getMessage());
            }
            return ConditionEvaluationResult.disabled(e.getMessage());
        }
    }
}

package io.github.camelicloud.testing;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * On CI (environment {@code CI=true}) a test that would be skipped fails instead, with the reason it gave: a
 * missing prerequisite (Chromium, gnome-keyring, the shared fixtures) must stop the run, not let it pass with
 * less tested. Off CI the skip stays a skip, with the same message. Registered for every test through
 * {@code META-INF/services} and {@code junit-platform.properties}. {@code .ci/run} also fails when the reports
 * count any skipped test (an {@code @Disabled}, an assumption in an extension).
 */
public final class NoSkipsOnCi
        implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

    private final boolean ci;

    public NoSkipsOnCi() {
        this(System.getenv());
    }

    NoSkipsOnCi(Map<String, String> environment) {
        this.ci = "true".equalsIgnoreCase(environment.getOrDefault("CI", ""));
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        throw failOnCi(thrown);
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        throw failOnCi(thrown);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable thrown)
            throws Throwable {
        throw failOnCi(thrown);
    }

    /** A skip becomes an {@link AssertionError} on CI; anything else passes through unchanged. */
    Throwable failOnCi(Throwable thrown) {
        if (ci && thrown instanceof TestAbortedException) {
            AssertionError failure = new AssertionError("CI=true: a skipped test fails the run. "
                    + Optional.ofNullable(thrown.getMessage()).orElse("(no reason given)"));
            failure.initCause(thrown);
            return failure;
        }
        return thrown;
    }
}

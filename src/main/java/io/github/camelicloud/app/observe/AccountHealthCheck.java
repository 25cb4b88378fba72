package io.github.camelicloud.app.observe;

import io.github.camelicloud.client.ICloudClient;
import io.github.camelicloud.client.MfaRequiredException;
import io.github.camelicloud.client.auth.AccountSession;
import io.github.camelicloud.component.ICloudPassListener;
import io.github.camelicloud.component.IncompletePassException;
import io.github.camelicloud.component.PassResult;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of the sync: up when the account is signed in and the last pass succeeded (before the first pass ends:
 * up once signed in). Details say how the MFA trust stands, so a monitor can warn before Apple asks for a code.
 */
public final class AccountHealthCheck extends AbstractHealthCheck implements ICloudPassListener {

    private final ICloudClient client;
    private volatile Exception lastFailure;
    private volatile Instant lastPass;

    public AccountHealthCheck(ICloudClient client) {
        super("icloud", "icloud-account");
        this.client = client;
    }

    @Override
    public boolean isLiveness() {
        return false; // a failing pass is retried; it is no reason to restart the process
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        Optional<AccountSession> session = client.currentSession();
        builder.detail("account", client.username());
        builder.detail("signedIn", session.isPresent());
        Exception failure = lastFailure;
        if (failure instanceof MfaRequiredException) {
            builder.detail("mfa", "code required: run with --auth-only in a terminal");
        } else {
            session.flatMap(AccountSession::trustExpiresAt).ifPresentOrElse(
                    expiry -> builder.detail("mfa", "trusted until " + expiry),
                    () -> builder.detail("mfa", session.isPresent() ? "no trust expiry reported" : "not signed in"));
        }
        if (lastPass != null) {
            builder.detail("lastPass", (failure == null ? "succeeded at " : "failed at ") + lastPass);
        }
        if (failure != null) {
            builder.message(failure.getMessage());
            builder.down();
        } else if (session.isPresent()) {
            builder.up();
        } else {
            builder.message("not signed in yet");
            builder.down();
        }
    }

    @Override
    public void passCompleted(PassResult result) {
        // a pass that left files undelivered: readiness is down until a pass delivers them
        lastFailure = result.complete() ? null : new IncompletePassException(result);
        lastPass = Instant.now();
    }

    @Override
    public void passFailed(Exception error) {
        lastFailure = error;
        lastPass = Instant.now();
    }
}

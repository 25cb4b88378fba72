package io.github.camelicloud.cluster;

import io.github.camelicloud.client.auth.MfaCodeProvider;
import io.github.camelicloud.client.auth.TrustedPhone;
import io.github.camelicloud.client.auth.TwoStepDevice;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MFA provider of an account's leader in a cluster: it opens a prompt in the database and waits for a code typed
 * on any node ({@link PendingMfaCodes}), for as long as this node leads the account. SMS requests cannot be relayed:
 * the code shown on a trusted device is the way (legacy two-step: the first device).
 */
final class ClusterMfaCodeProvider implements MfaCodeProvider {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterMfaCodeProvider.class);
    private static final long POLL_MS = 1000;

    private final ShardLeadership leadership;
    private final PendingMfaCodes codes;
    private final String account;

    ClusterMfaCodeProvider(ShardLeadership leadership, PendingMfaCodes codes, String account) {
        this.leadership = leadership;
        this.codes = codes;
        this.account = account;
    }

    @Override
    public Optional<Hsa2Answer> twoFactor(String username, List<TrustedPhone> phones, boolean previousCodeWrong) {
        return awaitCode("code", previousCodeWrong).map(DeviceCode::new);
    }

    @Override
    public Optional<String> smsCode(TrustedPhone phone, boolean previousCodeWrong) {
        return awaitCode("sms", previousCodeWrong);
    }

    @Override
    public Optional<TwoStepDevice> chooseTwoStepDevice(String username, List<TwoStepDevice> devices) {
        return devices.stream().findFirst();
    }

    @Override
    public Optional<String> twoStepCode(TwoStepDevice device, boolean previousCodeWrong) {
        return awaitCode("code", previousCodeWrong);
    }

    /** Empty when this node stops leading the account (its next leader asks) or is interrupted (stopping). */
    private Optional<String> awaitCode(String kind, boolean previousWrong) {
        int shard = leadership.shards().of(account);
        codes.ask(account, kind, previousWrong);
        LOG.info("Waiting for the verification code of {}: enter it on any node's web page (--mfa-provider webui),"
                + " or run --auth-only with the cluster's options on any node", account);
        try {
            while (leadership.led().contains(shard)) {
                Optional<String> code = codes.take(account);
                if (code.isPresent()) {
                    return code;
                }
                Thread.sleep(POLL_MS);
            }
            LOG.info("Node {} no longer leads {}: its next leader asks for the code", leadership.node(), account);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }
}

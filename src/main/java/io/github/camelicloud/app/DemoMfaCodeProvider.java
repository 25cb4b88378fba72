package io.github.camelicloud.app;

import io.github.camelicloud.client.auth.MfaCodeProvider;
import io.github.camelicloud.client.auth.TrustedPhone;
import io.github.camelicloud.client.auth.TwoStepDevice;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** For {@code --demo} without a terminal: types the built-in simulator's code, so the demo runs unattended. */
final class DemoMfaCodeProvider implements MfaCodeProvider {

    private static final Logger LOG = LoggerFactory.getLogger(DemoMfaCodeProvider.class);

    private final String code;

    DemoMfaCodeProvider(String code) {
        this.code = code;
    }

    @Override
    public Optional<Hsa2Answer> twoFactor(String username, List<TrustedPhone> phones, boolean previousCodeWrong) {
        LOG.info("Demo: entering the simulator's verification code {}", code);
        return previousCodeWrong ? Optional.empty() : Optional.of(new DeviceCode(code));
    }

    @Override
    public Optional<String> smsCode(TrustedPhone phone, boolean previousCodeWrong) {
        return previousCodeWrong ? Optional.empty() : Optional.of(code);
    }

    @Override
    public Optional<TwoStepDevice> chooseTwoStepDevice(String username, List<TwoStepDevice> devices) {
        return devices.stream().findFirst();
    }

    @Override
    public Optional<String> twoStepCode(TwoStepDevice device, boolean previousCodeWrong) {
        return previousCodeWrong ? Optional.empty() : Optional.of(code);
    }
}

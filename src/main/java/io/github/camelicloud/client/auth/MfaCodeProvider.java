package io.github.camelicloud.client.auth;

import java.util.List;
import java.util.Optional;

/**
 * Where verification codes come from: the console, a web page, a Camel route. Every method may return
 * empty when no answer can be had (no terminal, nobody there); sign-in then stops with a clear error.
 */
public interface MfaCodeProvider {

    /** HSA2 (two-factor): the code shown on a trusted device, or a phone to text a code to. */
    Optional<Hsa2Answer> twoFactor(String username, List<TrustedPhone> phones, boolean previousCodeWrong);

    /** The code received by SMS on {@code phone}. */
    Optional<String> smsCode(TrustedPhone phone, boolean previousCodeWrong);

    /** Legacy two-step (2SA): which device receives the code. */
    Optional<TwoStepDevice> chooseTwoStepDevice(String username, List<TwoStepDevice> devices);

    /** Legacy two-step (2SA): the code received on {@code device}. */
    Optional<String> twoStepCode(TwoStepDevice device, boolean previousCodeWrong);

    /** An answer to the two-factor prompt. */
    sealed interface Hsa2Answer permits DeviceCode, SendSms {
    }

    /** A 6-digit code from a trusted device; kept as text because leading zeros matter. */
    record DeviceCode(String code) implements Hsa2Answer {
        @Override
        public String toString() {
            return "DeviceCode[***]";
        }
    }

    /** Send an SMS code to this phone instead. */
    record SendSms(TrustedPhone phone) implements Hsa2Answer {
    }

    /** For unattended runs: never has an answer. */
    MfaCodeProvider NONE = new MfaCodeProvider() {
        @Override
        public Optional<Hsa2Answer> twoFactor(String username, List<TrustedPhone> phones, boolean wrong) {
            return Optional.empty();
        }

        @Override
        public Optional<String> smsCode(TrustedPhone phone, boolean wrong) {
            return Optional.empty();
        }

        @Override
        public Optional<TwoStepDevice> chooseTwoStepDevice(String username, List<TwoStepDevice> devices) {
            return Optional.empty();
        }

        @Override
        public Optional<String> twoStepCode(TwoStepDevice device, boolean wrong) {
            return Optional.empty();
        }
    };
}

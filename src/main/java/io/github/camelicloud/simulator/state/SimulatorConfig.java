package io.github.camelicloud.simulator.state;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings fixed when the simulator starts.
 *
 * @param mfaCode          the one code every second factor accepts (HSA2 device/SMS and 2SA)
 * @param trustDuration    how long a 2sv/trust grant (and a 2SA trusted browser) lasts
 * @param notReadyDuration how long a {@code not-ready} account's CloudKit answers 400 after its first call
 * @param srpIterations    PBKDF2 iterations offered by signin/init (Apple: about 20000; tests use fewer)
 * @param legacyHsa2Page   put trusted phone numbers at the pre-2026 boot_args location
 * @param accountCountry   X-Apple-ID-Account-Country and dsInfo.countryCode
 */
public record SimulatorConfig(String mfaCode, Duration trustDuration, Duration notReadyDuration, int srpIterations,
        boolean legacyHsa2Page, String accountCountry) {

    public SimulatorConfig {
        Objects.requireNonNull(mfaCode, "mfaCode");
        if (!mfaCode.matches("\\d{6}")) {
            throw new IllegalArgumentException("the MFA code must be 6 digits");
        }
        if (trustDuration.isNegative() || trustDuration.isZero()) {
            throw new IllegalArgumentException("trust duration must be positive, got " + trustDuration);
        }
        if (notReadyDuration.isNegative()) {
            throw new IllegalArgumentException("not-ready duration must not be negative, got " + notReadyDuration);
        }
        if (srpIterations < 1) {
            throw new IllegalArgumentException("SRP iterations must be at least 1, got " + srpIterations);
        }
        Objects.requireNonNull(accountCountry, "accountCountry");
    }
}

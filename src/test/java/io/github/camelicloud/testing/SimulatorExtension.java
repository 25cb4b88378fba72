package io.github.camelicloud.testing;

import io.github.camelicloud.simulator.ICloudSimulator;
import java.util.function.UnaryOperator;

/**
 * The iCloud simulator for a test class, on 127.0.0.1 and a free port:
 * <pre>{@code
 * @RegisterExtension
 * static final SimulatorExtension apple = SimulatorExtension.of(b -> b.assets(20).account(USER + ":pw:nomfa"));
 * ... apple.get().manifest(USER)
 * }</pre>
 * SRP uses 1000 PBKDF2 iterations (tests need no brute-force resistance) unless the settings say otherwise.
 */
public final class SimulatorExtension extends ServerExtension<ICloudSimulator> {

    private final UnaryOperator<ICloudSimulator.Builder> settings;

    private SimulatorExtension(UnaryOperator<ICloudSimulator.Builder> settings) {
        this.settings = settings;
    }

    public static SimulatorExtension of(UnaryOperator<ICloudSimulator.Builder> settings) {
        return new SimulatorExtension(settings);
    }

    @Override
    protected ICloudSimulator start() {
        return settings.apply(ICloudSimulator.builder().srpIterations(1000)).build().start();
    }
}

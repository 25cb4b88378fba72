package io.github.camelicloud.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SimulatorCommandTest {

    @Test
    void optionsBuildTheSimulatorAndTheBannerShowsHowToSignIn() {
        SimulatorCommand command = new SimulatorCommand();
        new CommandLine(command).parseArgs("--port", "0", "--account", "a@example.com:pw-a:2sa", "--account",
                "b@example.com:pw-b", "--mfa-code", "000111", "--trust-days", "0.5", "--not-ready-seconds", "3",
                "--srp-iterations", "500");
        assertThat(command.port).isZero();
        assertThat(command.trustDays).isEqualTo(0.5);
        try (ICloudSimulator simulator = command.build().start()) {
            assertThat(simulator.mfaCode()).isEqualTo("000111");
            assertThat(simulator.trustDuration()).isEqualTo(Duration.ofHours(12));
            StringWriter out = new StringWriter();
            SimulatorCommand.printBanner(simulator, new PrintWriter(out));
            assertThat(out.toString()).contains(simulator.baseUrl())
                    .contains("a@example.com / pw-a [2sa]").contains("b@example.com / pw-b [mfa]")
                    .contains("000111").contains("0.5 days");
        }
    }

    @Test
    void libraryFlagsReachTheSimulator(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        SimulatorCommand command = new SimulatorCommand();
        new CommandLine(command).parseArgs("--port", "0", "--assets", "7", "--seed", "99", "--video-size", "2G");
        assertThat(command.assets).isEqualTo(7);
        assertThat(command.seed).isEqualTo(99);
        assertThat(command.videoSize).isEqualTo(2L << 30);
        try (ICloudSimulator simulator = command.build().start()) {
            assertThat(simulator.libraryDescription()).contains("7 generated assets").contains("seed 99")
                    .contains(String.valueOf(2L << 30));
            StringWriter out = new StringWriter();
            SimulatorCommand.printBanner(simulator, new PrintWriter(out));
            assertThat(out.toString()).contains("Photo library per account").contains("manifest");
        }
        new CommandLine(command).parseArgs("--library-dir", dir.toString());
        assertThat(command.libraryDir).isEqualTo(dir);
        assertThat(command.build().libraryDescription()).contains(dir.toString());
    }

    @Test
    void appleHostsServeHttpsAndWriteTheCa(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        SimulatorCommand command = new SimulatorCommand();
        java.nio.file.Path ca = dir.resolve("ca.pem");
        new CommandLine(command).parseArgs("--port", "0", "--apple-hosts", "--ca-out", ca.toString(),
                "--srp-iterations", "100", "--assets", "3");
        try (ICloudSimulator simulator = command.build().start()) {
            assertThat(simulator.appleHosts()).isTrue();
            assertThat(java.nio.file.Files.readString(ca)).isEqualTo(simulator.caPem().orElseThrow());
            StringWriter out = new StringWriter();
            SimulatorCommand.printBanner(simulator, new PrintWriter(out));
            assertThat(out.toString()).contains("HTTPS on 127.0.0.1:" + simulator.port())
                    .contains("idmsa.apple.com, setup.icloud.com").contains("cvws.icloud-content.com.cn");
        }
    }

    @Test
    void sizesTakeBinarySuffixes() {
        assertThat(ByteSize.parse("4096")).isEqualTo(4096);
        assertThat(ByteSize.parse("500K")).isEqualTo(500L << 10);
        assertThat(ByteSize.parse("500M")).isEqualTo(500L << 20);
        assertThat(ByteSize.parse("3g")).isEqualTo(3L << 30);
        assertThat(ByteSize.parse("1.5GB")).isEqualTo(3L << 29);
        assertThat(ByteSize.parse("2GiB")).isEqualTo(2L << 30);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ByteSize.parse("lots"))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CommandLine(new SimulatorCommand())
                .parseArgs("--video-size", "huge")).isInstanceOf(CommandLine.ParameterException.class);
    }

    @Test
    void defaultsMatchTheBrief() {
        SimulatorCommand command = new SimulatorCommand();
        new CommandLine(command).parseArgs();
        assertThat(command.port).isEqualTo(8080);
        assertThat(command.mfaCode).isEqualTo("123456");
        assertThat(command.trustDays).isEqualTo(60);
        assertThat(command.notReadySeconds).isEqualTo(20);
        assertThat(command.accounts).isEmpty();
        assertThat(command.assets).isEqualTo(50);
        assertThat(command.seed).isZero();
        assertThat(command.videoSize).isZero();
        assertThat(command.libraryDir).isNull();
        ICloudSimulator simulator = command.build();
        assertThat(simulator.mfaCode()).isEqualTo("123456");
    }

    @Test
    void theDemoAccountIsServedWhenNoneIsGiven() {
        try (ICloudSimulator simulator = ICloudSimulator.builder().srpIterations(100).build().start()) {
            assertThat(simulator.accounts()).containsExactly(SimulatorAccount.DEMO);
            assertThat(SimulatorAccount.DEMO.email()).isEqualTo("demo@example.com");
            assertThat(SimulatorAccount.DEMO.password()).isEqualTo("demo-password");
            assertThat(SimulatorAccount.DEMO.flags()).containsExactly(AccountFlag.MFA);
        }
    }
}

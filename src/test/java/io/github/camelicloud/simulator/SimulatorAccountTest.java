package io.github.camelicloud.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelicloud.srp.Srp;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimulatorAccountTest {

    @Test
    void parsesEmailPasswordAndFlags() {
        SimulatorAccount account = SimulatorAccount.parse("me@example.com:s3cret:adp,not-ready");
        assertThat(account.email()).isEqualTo("me@example.com");
        assertThat(account.password()).isEqualTo("s3cret");
        assertThat(account.flags()).containsExactlyInAnyOrder(AccountFlag.MFA, AccountFlag.ADP, AccountFlag.NOT_READY);
        assertThat(account.signInMode()).isEqualTo(AccountFlag.MFA);
    }

    @Test
    void defaultsToMfaAndAllowsColonsInThePassword() {
        assertThat(SimulatorAccount.parse("me@example.com:pw").flags()).containsExactly(AccountFlag.MFA);
        SimulatorAccount colon = SimulatorAccount.parse("me@example.com:a:b");
        assertThat(colon.password()).isEqualTo("a:b");
        assertThat(SimulatorAccount.parse("me@example.com:a:b:2sa").password()).isEqualTo("a:b");
        assertThat(SimulatorAccount.parse("me@example.com:pw:").flags()).containsExactly(AccountFlag.MFA);
    }

    @Test
    void everyFlagParses() {
        for (AccountFlag flag : AccountFlag.values()) {
            assertThat(AccountFlag.fromWire(flag.wireName())).isEqualTo(flag);
        }
        assertThat(SimulatorAccount.parse("a@b.c:p:2sa").signInMode()).isEqualTo(AccountFlag.TWO_SA);
        assertThat(SimulatorAccount.parse("a@b.c:p:nomfa").flags()).containsExactly(AccountFlag.NO_MFA);
        assertThat(SimulatorAccount.parse("a@b.c:p:fido").flags()).containsExactlyInAnyOrder(AccountFlag.MFA,
                AccountFlag.FIDO);
        assertThat(SimulatorAccount.parse("a@b.c:p:locked").has(AccountFlag.LOCKED)).isTrue();
    }

    @Test
    void trustDaysIsAPerAccountItemAmongTheFlags() {
        SimulatorAccount account = SimulatorAccount.parse("me@example.com:pw:mfa,trust-days=2.5");
        assertThat(account.flags()).containsExactly(AccountFlag.MFA);
        assertThat(account.trustDurationOr(java.time.Duration.ofDays(60))).isEqualTo(java.time.Duration.ofHours(60));
        assertThat(SimulatorAccount.parse("me@example.com:pw").trustDurationOr(java.time.Duration.ofDays(60)))
                .isEqualTo(java.time.Duration.ofDays(60));
        assertThat(SimulatorAccount.of("a@b.c", "p").withTrustDays(3).trust()).isEqualTo(java.time.Duration.ofDays(3));
        assertThatThrownBy(() -> SimulatorAccount.parse("a@b.c:p:trust-days=soon"))
                .hasMessageContaining("trust-days must be a number");
        assertThatThrownBy(() -> SimulatorAccount.parse("a@b.c:p:trust-days=0")).hasMessageContaining("positive");
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> SimulatorAccount.parse("no-password")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SimulatorAccount.parse("a@b.c:p:2sa,nomfa"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than one sign-in mode");
        assertThatThrownBy(() -> SimulatorAccount.parse("a@b.c:p:fido,2sa"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccountFlag.fromWire("hsa3")).hasMessageContaining("not-ready");
    }

    @Test
    void toStringHidesThePassword() {
        assertThat(SimulatorAccount.parse("a@b.c:topsecret").toString()).doesNotContain("topsecret");
    }

    @Test
    void protocolAndSaltShapeAreStableAndVaried() {
        Set<Srp.Protocol> protocols = EnumSet.noneOf(Srp.Protocol.class);
        Set<Boolean> zeroSalts = new HashSet<>();
        for (int i = 0; i < 32; i++) {
            SimulatorAccount account = SimulatorAccount.of("user" + i + "@example.com", "pw");
            assertThat(SimulatorAccount.of("USER" + i + "@example.com", "other").srpProtocol())
                    .isEqualTo(account.srpProtocol());
            protocols.add(account.srpProtocol());
            zeroSalts.add(account.zeroLeadingSalt());
        }
        assertThat(protocols).containsExactlyInAnyOrder(Srp.Protocol.values());
        assertThat(zeroSalts).containsExactlyInAnyOrder(true, false);
    }
}

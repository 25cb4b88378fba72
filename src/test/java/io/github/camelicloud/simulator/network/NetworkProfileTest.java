package io.github.camelicloud.simulator.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class NetworkProfileTest {

    @Test
    void namedProfilesGetSlowerFromLanToSlow() {
        NetworkProfile lan = NetworkProfile.parse("lan");
        NetworkProfile broadband = NetworkProfile.parse("Broadband");
        NetworkProfile slow = NetworkProfile.parse("slow");
        assertThat(lan.latency()).isLessThan(broadband.latency());
        assertThat(broadband.latency()).isLessThan(slow.latency());
        assertThat(broadband.link()).isEqualTo(12_500_000); // 100 Mbit/s
        assertThat(broadband.perConnection()).isEqualTo(5_000_000).isLessThan(broadband.link());
        assertThat(slow.link()).isLessThan(broadband.link());
        assertThat(NetworkProfile.parse("none").shapes()).isFalse();
        assertThat(slow.describe()).contains("250 ms", "8.0 Mbit/s per connection", "20.0 Mbit/s in all");
    }

    @Test
    void customTakesLatencyAndBothRatesInBitsOrBytes() {
        NetworkProfile custom = NetworkProfile.parse("custom:latency-ms=30,per-connection=2M,link=40mbit");
        assertThat(custom.latency()).isEqualTo(Duration.ofMillis(30));
        assertThat(custom.perConnection()).isEqualTo(2 * 1024 * 1024);
        assertThat(custom.link()).isEqualTo(5_000_000);
        assertThat(NetworkProfile.parse("custom:link=1.5gbit").link()).isEqualTo(187_500_000);
        assertThat(NetworkProfile.parse("custom:latency-ms=5").perConnection()).isZero();
    }

    @Test
    void badProfilesSayWhatIsExpected() {
        assertThatThrownBy(() -> NetworkProfile.parse("dialup")).hasMessageContaining("broadband")
                .hasMessageContaining("custom:latency-ms=N");
        assertThatThrownBy(() -> NetworkProfile.parse("custom:jitter=3")).hasMessageContaining("unknown key 'jitter'");
        assertThatThrownBy(() -> NetworkProfile.parse("custom:link=fast")).hasMessageContaining("not a rate");
        assertThatThrownBy(() -> NetworkProfile.parse("custom:latency-ms=-4")).hasMessageContaining("latency-ms");
        assertThatThrownBy(() -> NetworkProfile.parse("custom:link")).hasMessageContaining("KEY=VALUE");
    }
}

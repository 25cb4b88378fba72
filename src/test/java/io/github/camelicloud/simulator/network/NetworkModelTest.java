package io.github.camelicloud.simulator.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model's waits, counted on a virtual clock: what a body of N bytes costs, never a wall-clock timing. */
class NetworkModelTest {

    private static final int MB = 1_000_000;

    private final VirtualTime time = new VirtualTime();

    private NetworkModel model(String spec, boolean tls) {
        return new NetworkModel(NetworkProfile.parse(spec), tls, time);
    }

    @Test
    void aBucketLetsThroughItsRateAfterItsBurst() throws InterruptedException {
        TokenBucket bucket = new TokenBucket(MB, 64 * 1024, time);
        for (int i = 0; i < 1000; i++) {
            bucket.take(10_000); // 10 MB in all
        }
        assertThat(time.sleptSeconds()).isCloseTo((10.0 * MB - 64 * 1024) / MB, within(0.001));
    }

    @Test
    void anIdleBucketRefillsOnlyUpToItsBurst() throws InterruptedException {
        TokenBucket bucket = new TokenBucket(MB, 100_000, time);
        time.advance(60_000_000_000L); // a minute idle
        bucket.take(100_000);
        assertThat(time.sleptSeconds()).isZero();
        bucket.take(500_000);
        assertThat(time.sleptSeconds()).isCloseTo(0.5, within(0.001));
    }

    @Test
    void oneConnectionIsHeldToItsOwnCap() throws IOException, InterruptedException {
        NetworkModel model = model("custom:per-connection=1000000,link=10000000", false);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream body = model.arrive("127.0.0.1:5000", "/B/x").body(sink)) {
            body.write(new byte[5 * MB]);
        }
        assertThat(sink.size()).isEqualTo(5 * MB);
        assertThat(model.bytes()).isEqualTo(5 * MB);
        // The first burst (64 KiB) goes at once, the rest at 1 MB/s; the link (10 MB/s) never binds.
        assertThat(time.sleptSeconds()).isCloseTo((5.0 * MB - 64 * 1024) / MB, within(0.01));
    }

    @Test
    void connectionsTogetherAreHeldToTheLink() throws IOException, InterruptedException {
        NetworkModel model = model("custom:per-connection=1000000,link=1500000", false);
        List<OutputStream> bodies = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            bodies.add(model.arrive("127.0.0.1:" + (6000 + c), "/B/x").body(OutputStream.nullOutputStream()));
        }
        // Four connections send 2 MB each, chunk by chunk in turn, as concurrent downloads do.
        byte[] chunk = new byte[ShapedOutputStream.CHUNK];
        long total = 0;
        for (int i = 0; i < 2 * MB / chunk.length; i++) {
            for (OutputStream body : bodies) {
                body.write(chunk);
                total += chunk.length;
            }
        }
        assertThat(model.bytes()).isEqualTo(total);
        // 8 MB through a 1.5 MB/s link: about 5.3 s, although each connection alone could do 1 MB/s.
        assertThat(time.sleptSeconds()).isCloseTo(total / 1.5e6, within(0.2));
    }

    @Test
    void everyRequestWaitsARoundTripAndANewConnectionItsHandshakesToo() throws InterruptedException {
        NetworkModel https = model("custom:latency-ms=100", true);
        https.arrive("127.0.0.1:7000", "/database/1/x");
        assertThat(time.sleptSeconds()).as("TCP + TLS + the request").isCloseTo(0.3, within(1e-9));
        https.arrive("127.0.0.1:7000", "/database/1/y");
        assertThat(time.sleptSeconds()).as("kept-alive: the request only").isCloseTo(0.4, within(1e-9));
        https.arrive("127.0.0.1:7001", "/B/z");
        assertThat(time.sleptSeconds()).isCloseTo(0.7, within(1e-9));
        assertThat(https.requests()).isEqualTo(3);
        assertThat(https.connectionsOpened()).isEqualTo(2);

        VirtualTime plainTime = new VirtualTime();
        NetworkModel plain = new NetworkModel(NetworkProfile.parse("custom:latency-ms=100"), false, plainTime);
        plain.arrive("127.0.0.1:7000", "/setup/ws/1/validate");
        assertThat(plainTime.sleptSeconds()).as("TCP + the request").isCloseTo(0.2, within(1e-9));
    }

    @Test
    void aConnectionIsForgottenOnlyAfterTwoIdleMinutes() throws IOException, InterruptedException {
        NetworkModel model = model("custom:latency-ms=100", false);
        OutputStream longAnswer = model.arrive("127.0.0.1:7000", "/B/big").body(OutputStream.nullOutputStream());
        time.advance(180_000_000_000L); // a three-minute download
        longAnswer.close();
        model.arrive("127.0.0.1:7001", "/B/other"); // a new connection: the moment stale ones are swept
        double before = time.sleptSeconds();
        model.arrive("127.0.0.1:7000", "/B/next");
        assertThat(time.sleptSeconds() - before).as("still kept alive: one round trip").isCloseTo(0.1, within(1e-9));

        time.advance(121_000_000_000L); // now idle for longer than two minutes
        model.arrive("127.0.0.1:7002", "/B/third");
        before = time.sleptSeconds();
        model.arrive("127.0.0.1:7000", "/B/again");
        assertThat(time.sleptSeconds() - before).as("forgotten: handshake again").isCloseTo(0.2, within(1e-9));
        assertThat(model.connectionsOpened()).isEqualTo(4);
    }

    @Test
    void hooksAreNeitherDelayedNorCounted() throws IOException, InterruptedException {
        NetworkModel model = model("slow", false);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream body = model.arrive("127.0.0.1:7000", "/_simulator/stats").body(sink)) {
            body.write(new byte[3 * MB]);
        }
        assertThat(time.sleptSeconds()).isZero();
        assertThat(model.requests()).isZero();
        assertThat(model.bytes()).isZero();
        assertThat(sink.size()).isEqualTo(3 * MB);
    }

    @Test
    void bodiesStreamChunkByChunkWithTheWaitsBetween() throws IOException, InterruptedException {
        NetworkModel model = model("custom:per-connection=1000000", false);
        List<Double> writtenAt = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        OutputStream recorder = new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                writtenAt.add(time.seconds());
                sizes.add(len);
            }
        };
        try (OutputStream body = model.arrive("127.0.0.1:7000", "/B/x").body(recorder)) {
            body.write(new byte[MB]);
        }
        assertThat(sizes).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(ShapedOutputStream.CHUNK));
        assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(MB);
        // Each chunk leaves when its tokens are there, not all at the end: the clock moves between writes.
        assertThat(writtenAt).isSorted();
        assertThat(writtenAt.get(writtenAt.size() - 1) - writtenAt.get(0)).isGreaterThan(0.8);
    }

    @Test
    void resetStartsTheCountsAgain() throws InterruptedException, IOException {
        NetworkModel model = model("none", false);
        try (OutputStream body = model.arrive("127.0.0.1:7000", "/B/x").body(OutputStream.nullOutputStream())) {
            body.write(new byte[1234]);
        }
        assertThat(model.bytes()).isEqualTo(1234);
        assertThat(time.sleptSeconds()).as("no profile, no waits").isZero();
        model.reset();
        assertThat(model.bytes()).isZero();
        assertThat(model.requests()).isZero();
        assertThat(model.connectionsOpened()).isZero();
    }
}

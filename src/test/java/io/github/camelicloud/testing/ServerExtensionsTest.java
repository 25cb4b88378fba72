package io.github.camelicloud.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.Socket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The servers the suite's extensions start answer on loopback; per-test ones are new for every test. */
class ServerExtensionsTest {

    @RegisterExtension
    static final SimulatorExtension apple = SimulatorExtension.of(b -> b.assets(2).account("x@example.com:pw:nomfa"));
    @RegisterExtension
    static final S3Extension s3 = new S3Extension();
    @RegisterExtension
    static final SftpExtension sftp = new SftpExtension();
    @RegisterExtension
    static final GreenMailExtension mail = MailServers.smtpAndSmtps();
    @RegisterExtension
    final SimulatorExtension perTest = SimulatorExtension.of(b -> b.assets(1));

    private static final Set<Integer> perTestPorts = new HashSet<>();

    @Test
    void everyServerAnswers() throws Exception {
        assertThat(apple.get().manifest("x@example.com").assets()).hasSizeGreaterThanOrEqualTo(2);
        s3.get().createBucket("photos");
        assertThat(s3.get().objects("photos")).isEmpty();
        for (int port : new int[] {sftp.get().port(), mail.getSmtp().getPort(), mail.getSmtps().getPort()}) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                assertThat(socket.isConnected()).isTrue();
            }
        }
    }

    @RepeatedTest(2)
    void anInstanceFieldStartsAServerPerTest() {
        assertThat(perTestPorts.add(perTest.get().port())).as("a new simulator for this test").isTrue();
    }
}

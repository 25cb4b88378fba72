package io.github.camelicloud.testing;

import io.github.camelicloud.destinations.SftpTestServer;

/**
 * Apache MINA SSHD with SFTP ({@link SftpTestServer}) on 127.0.0.1 and a free port, chrooted to a temporary
 * folder: {@code @RegisterExtension static final SftpExtension sftp = new SftpExtension();}.
 */
public final class SftpExtension extends ServerExtension<SftpTestServer> {

    @Override
    protected SftpTestServer start() throws Exception {
        return new SftpTestServer(folder());
    }
}

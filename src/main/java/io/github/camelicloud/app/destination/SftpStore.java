package io.github.camelicloud.app.destination;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.SftpException;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.camel.component.file.GenericFileOperationFailedException;
import org.apache.camel.component.file.remote.RemoteFileOperations;
import org.apache.camel.component.file.remote.SftpEndpoint;
import org.apache.camel.component.file.remote.SftpRemoteFile;
import org.apache.camel.support.DefaultExchange;

/**
 * Its own SFTP session (same settings as the producer) that lists a folder once per pass and answers
 * sizes from that listing, rather than one round trip per file. Synchronized: one SFTP channel.
 */
final class SftpStore implements RemoteStore {

    private final SftpEndpoint endpoint;
    private final Map<String, Map<String, Long>> listings = new HashMap<>();
    private RemoteFileOperations<SftpRemoteFile> ops;

    SftpStore(SftpEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public synchronized void verify() throws Exception {
        connected();
    }

    @Override
    public synchronized OptionalLong size(String key) throws Exception {
        int slash = key.lastIndexOf('/');
        String dir = slash < 0 ? "" : key.substring(0, slash);
        Long size = listings.computeIfAbsent(dir, this::list).get(key.substring(slash + 1));
        return size == null ? OptionalLong.empty() : OptionalLong.of(size);
    }

    private Map<String, Long> list(String dir) {
        String root = endpoint.getConfiguration().getDirectory();
        String path = root == null || root.isEmpty() ? dir : dir.isEmpty() ? root : root + "/" + dir;
        Map<String, Long> files = new HashMap<>();
        try {
            for (SftpRemoteFile f : connected().listFiles(path.isEmpty() ? "." : path)) {
                if (!f.isDirectory()) {
                    files.put(f.getFilename(), f.getFileLength());
                }
            }
        } catch (GenericFileOperationFailedException e) {
            if (!(e.getCause() instanceof SftpException s && s.id == ChannelSftp.SSH_FX_NO_SUCH_FILE)) {
                throw e;
            }
        }
        return files;
    }

    private RemoteFileOperations<SftpRemoteFile> connected() {
        try {
            if (ops == null) {
                ops = endpoint.createRemoteFileOperations();
            }
            if (!ops.isConnected()) {
                ops.connect(endpoint.getConfiguration(), new DefaultExchange(endpoint.getCamelContext()));
            }
            return ops;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public synchronized void delete(String key) {
        String root = endpoint.getConfiguration().getDirectory();
        connected().deleteFile(root == null || root.isEmpty() ? key : root + "/" + key);
        int slash = key.lastIndexOf('/');
        Map<String, Long> listing = listings.get(slash < 0 ? "" : key.substring(0, slash));
        if (listing != null) {
            listing.remove(key.substring(slash + 1));
        }
    }

    @Override
    public synchronized void passEnded() {
        listings.clear();
    }

    @Override
    public synchronized void close() {
        listings.clear();
        if (ops != null) {
            try {
                ops.forceDisconnect();
            } catch (RuntimeException ignored) {
                // already gone
            }
            ops = null;
        }
    }
}

package io.github.camelicloud.app.destination;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.SftpException;
import io.github.camelicloud.sync.Sha256;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileOperationFailedException;
import org.apache.camel.component.file.remote.RemoteFileOperations;
import org.apache.camel.component.file.remote.SftpEndpoint;
import org.apache.camel.component.file.remote.SftpRemoteFile;
import org.apache.camel.support.DefaultExchange;

/**
 * Its own SFTP session (same settings as the producer) that lists a folder once per pass and answers
 * sizes from that listing, rather than one round trip per file, and reads files back to verify them. Synchronized: one SFTP channel.
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

    /** Reads the file back over SFTP and hashes it (streamed: the endpoint downloads as a stream). */
    @Override
    public synchronized Optional<String> differs(String key, String sha256) throws Exception {
        RemoteFileOperations<SftpRemoteFile> sftp = connected();
        String path = remote(key);
        if (!sftp.existsFile(path)) {
            return Optional.of(key + " is missing");
        }
        Exchange exchange = new DefaultExchange(endpoint.getCamelContext());
        GenericFile<SftpRemoteFile> file = new GenericFile<>();
        exchange.setProperty(ExchangePropertyKey.FILE_EXCHANGE_FILE, file);
        String actual;
        try {
            sftp.retrieveFile(path, exchange, -1);
            actual = Sha256.of((InputStream) file.getBody());
        } finally {
            sftp.releaseRetrievedFileResources(exchange);
        }
        return actual.equals(sha256) ? Optional.empty()
                : Optional.of(key + " does not hold the bytes that were uploaded");
    }

    /** Streams the file into {@code file} (the endpoint downloads as a stream). */
    @Override
    public synchronized void download(String key, java.nio.file.Path file) throws Exception {
        RemoteFileOperations<SftpRemoteFile> sftp = connected();
        Exchange exchange = new DefaultExchange(endpoint.getCamelContext());
        GenericFile<SftpRemoteFile> remote = new GenericFile<>();
        exchange.setProperty(ExchangePropertyKey.FILE_EXCHANGE_FILE, remote);
        try {
            sftp.retrieveFile(remote(key), exchange, -1);
            try (InputStream in = (InputStream) remote.getBody()) {
                java.nio.file.Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            sftp.releaseRetrievedFileResources(exchange);
        }
    }

    /**
     * Written as {@code NAME.part} and renamed over the file: JSch renames with OpenSSH's {@code posix-rename}
     * where the server has it (it replaces the file atomically); a server without it refuses to rename onto an
     * existing file, which is then deleted first.
     */
    @Override
    public synchronized void upload(java.nio.file.Path file, String key) throws Exception {
        RemoteFileOperations<SftpRemoteFile> sftp = connected();
        String target = remote(key);
        String part = target + ".part";
        Exchange exchange = new DefaultExchange(endpoint.getCamelContext());
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            exchange.getMessage().setBody(in);
            sftp.storeFile(part, exchange, java.nio.file.Files.size(file));
        }
        try {
            sftp.renameFile(part, target);
        } catch (GenericFileOperationFailedException e) {
            if (!sftp.existsFile(target)) {
                throw e;
            }
            sftp.deleteFile(target);
            sftp.renameFile(part, target);
        }
        int slash = key.lastIndexOf('/');
        Map<String, Long> listing = listings.get(slash < 0 ? "" : key.substring(0, slash));
        if (listing != null) {
            listing.put(key.substring(slash + 1), java.nio.file.Files.size(file));
        }
    }

    private String remote(String key) {
        String root = endpoint.getConfiguration().getDirectory();
        return root == null || root.isEmpty() ? key : root + "/" + key;
    }

    @Override
    public synchronized void delete(String key) {
        connected().deleteFile(remote(key));
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

package io.github.camelicloud.app.destination;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where and how to reach an SFTP server. {@code path} follows Camel's rule: relative to the login
 * directory, absolute when it starts with "/". The host key is checked against {@code knownHosts} (or
 * ~/.ssh/known_hosts) unless {@code strictHostKeyChecking} is turned off explicitly.
 */
public record SftpSettings(String host, int port, String user, String path, Optional<String> password,
        Optional<Path> privateKey, Optional<Path> knownHosts, boolean strictHostKeyChecking) {

    public SftpSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("SFTP needs a host: --sftp-uri sftp://user@host:port/path or --sftp-host");
        }
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("SFTP needs a user: sftp://user@host/... or --sftp-user");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("--sftp-port must be 1-65535, got " + port);
        }
        if (password.isEmpty() && privateKey.isEmpty()) {
            throw new IllegalArgumentException("SFTP needs --sftp-password (or SFTP_PASSWORD) or --sftp-private-key");
        }
        privateKey.ifPresent(k -> requireFile(k, "--sftp-private-key"));
        knownHosts.ifPresent(k -> requireFile(k, "--sftp-known-hosts"));
        path = path == null ? "" : path.replaceAll("(?<=.)/+$", ""); // "photos/" is "photos"; "/" stays
    }

    private static void requireFile(Path file, String flag) {
        if (!java.nio.file.Files.isReadable(file)) {
            throw new IllegalArgumentException(flag + " " + file + " is not a readable file");
        }
    }

    /** sftp://user@host:port/path — what users see (no secret). */
    public String shown() {
        return "sftp://" + user + "@" + host + ":" + port + "/" + path;
    }
}

package io.github.camelicloud.app;

import io.github.camelicloud.app.credentials.SecretFile;
import io.github.camelicloud.app.destination.S3Settings;
import io.github.camelicloud.app.destination.SftpSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The flags of the remote destinations (S3, SFTP); any of them may be combined with --directory. */
final class DestinationOptions {

    @Option(names = "--s3-bucket", paramLabel = "BUCKET", description = "Also mirror to this S3 bucket")
    String s3Bucket;

    @Option(names = "--s3-prefix", paramLabel = "PREFIX", description = "Key prefix in the bucket (e.g. photos/)")
    String s3Prefix;

    @Option(names = "--s3-endpoint", paramLabel = "URL",
            description = "S3-compatible server (MinIO, Ceph, ...), addressed path-style, e.g. http://127.0.0.1:9000")
    URI s3Endpoint;

    @Option(names = "--s3-region", paramLabel = "REGION", defaultValue = "${env:AWS_REGION:-us-east-1}",
            description = "Default: AWS_REGION, else us-east-1")
    String s3Region;

    @Option(names = "--s3-access-key", paramLabel = "KEY", defaultValue = "${env:AWS_ACCESS_KEY_ID}",
            description = "Default: AWS_ACCESS_KEY_ID, else the AWS default credential chain")
    String s3AccessKey;

    @Option(names = "--s3-secret-key", paramLabel = "SECRET", defaultValue = "${env:AWS_SECRET_ACCESS_KEY}",
            description = "Default: AWS_SECRET_ACCESS_KEY. Other users see it in ps: prefer the variable or"
                    + " --s3-secret-key-file")
    String s3SecretKey;

    @Option(names = "--s3-secret-key-file", paramLabel = "FILE",
            description = "Read the S3 secret key from the first line of FILE (keep it owner-only)")
    Path s3SecretKeyFile;

    @Option(names = "--sftp-uri", paramLabel = "URI",
            description = "Also mirror to sftp://user@host:port/path (path relative to the login folder; //path"
                    + " for an absolute one)")
    URI sftpUri;

    @Option(names = "--sftp-host", paramLabel = "HOST", description = "SFTP server (instead of --sftp-uri)")
    String sftpHost;

    @Option(names = "--sftp-port", paramLabel = "PORT", description = "Default: 22")
    Integer sftpPort;

    @Option(names = "--sftp-user", paramLabel = "USER", description = "SFTP user")
    String sftpUser;

    @Option(names = "--sftp-path", paramLabel = "PATH", description = "SFTP folder")
    String sftpPath;

    @Option(names = "--sftp-password", paramLabel = "PASSWORD", defaultValue = "${env:SFTP_PASSWORD}",
            description = "Default: SFTP_PASSWORD")
    String sftpPassword;

    @Option(names = "--sftp-private-key", paramLabel = "FILE", description = "Private key file (OpenSSH/PEM)")
    Path sftpPrivateKey;

    @Option(names = "--sftp-known-hosts", paramLabel = "FILE",
            description = "known_hosts file with the server's host key. Default: ~/.ssh/known_hosts")
    Path sftpKnownHosts;

    @Option(names = "--sftp-strict-host-key-checking", paramLabel = "yes|no", defaultValue = "yes",
            description = "Refuse servers whose host key is not known. Default: ${DEFAULT-VALUE}")
    String sftpStrictHostKeyChecking;

    @Option(names = "--state-directory", paramLabel = "DIR",
            description = "Where each destination's record of delivered files is kept. Default: state/ in the"
                    + " cookie directory")
    Path stateDirectory;

    /**
     * The remote destinations as the settings of the bundled routes ({@code destinations.s3.*},
     * {@code destinations.sftp.*}, as in application.properties); throws IllegalArgumentException on bad values.
     */
    Map<String, String> routeProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        if (s3Bucket != null) {
            S3Settings s3 = new S3Settings(s3Bucket, s3Prefix, Optional.ofNullable(s3Endpoint), s3Region,
                    nonEmpty(s3AccessKey), nonEmpty(s3SecretKeyFile == null ? s3SecretKey
                            : SecretFile.read(s3SecretKeyFile, "--s3-secret-key-file")));
            p.put("destinations.s3.enabled", "true");
            p.put("destinations.s3.bucket", s3.bucket());
            p.put("destinations.s3.prefix", s3.prefix() == null ? "" : s3.prefix());
            p.put("destinations.s3.endpoint", s3.endpoint().map(URI::toString).orElse(""));
            p.put("destinations.s3.region", s3.region());
            p.put("destinations.s3.access-key", s3.accessKey().orElse(""));
            p.put("destinations.s3.secret-key", s3.secretKey().orElse(""));
        } else if (s3Prefix != null || s3Endpoint != null) {
            throw new IllegalArgumentException("--s3-prefix/--s3-endpoint need --s3-bucket");
        }
        if (sftpUri != null || sftpHost != null) {
            SftpSettings sftp = sftp();
            p.put("destinations.sftp.enabled", "true");
            p.put("destinations.sftp.host", sftp.host());
            p.put("destinations.sftp.port", String.valueOf(sftp.port()));
            p.put("destinations.sftp.user", sftp.user());
            p.put("destinations.sftp.path", sftp.path());
            p.put("destinations.sftp.password", sftp.password().orElse(""));
            p.put("destinations.sftp.private-key", sftp.privateKey().map(Path::toString).orElse(""));
            p.put("destinations.sftp.known-hosts", sftp.knownHosts().map(Path::toString).orElse(""));
            p.put("destinations.sftp.strict-host-key-checking", sftp.strictHostKeyChecking() ? "yes" : "no");
        } else if (sftpUser != null || sftpPath != null || sftpPort != null || sftpPrivateKey != null) {
            throw new IllegalArgumentException("the --sftp-* options need --sftp-uri or --sftp-host");
        }
        return p;
    }

    private SftpSettings sftp() {
        String host = sftpHost;
        Integer port = sftpPort;
        String user = sftpUser;
        String path = sftpPath;
        if (sftpUri != null) {
            if (sftpHost != null || sftpPort != null || sftpUser != null || sftpPath != null) {
                throw new IllegalArgumentException("Give the SFTP server either as --sftp-uri or as --sftp-host with"
                        + " --sftp-port/--sftp-user/--sftp-path, not both");
            }
            if (!"sftp".equalsIgnoreCase(sftpUri.getScheme())) {
                throw new IllegalArgumentException("--sftp-uri must look like sftp://user@host:port/path, got "
                        + sftpUri.getScheme() + ":...");
            }
            if (sftpUri.getRawUserInfo() != null && sftpUri.getRawUserInfo().contains(":")) {
                throw new IllegalArgumentException("--sftp-uri must not carry a password: use --sftp-password or"
                        + " SFTP_PASSWORD");
            }
            host = sftpUri.getHost();
            port = sftpUri.getPort() > 0 ? Integer.valueOf(sftpUri.getPort()) : null;
            user = sftpUri.getUserInfo();
            String uriPath = sftpUri.getPath() == null ? "" : sftpUri.getPath();
            path = uriPath.startsWith("/") ? uriPath.substring(1) : uriPath;
        }
        String strict = sftpStrictHostKeyChecking.trim().toLowerCase(java.util.Locale.ROOT);
        if (!strict.equals("yes") && !strict.equals("no")) {
            throw new IllegalArgumentException("--sftp-strict-host-key-checking must be yes or no, got "
                    + sftpStrictHostKeyChecking);
        }
        return new SftpSettings(host, port == null ? 22 : port, user, path == null ? "" : trimSlash(path),
                nonEmpty(sftpPassword), Optional.ofNullable(sftpPrivateKey), Optional.ofNullable(sftpKnownHosts),
                strict.equals("yes"));
    }

    /** "photos/" → "photos"; "/srv/photos" stays absolute. */
    private static String trimSlash(String path) {
        String p = path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    private static Optional<String> nonEmpty(String s) {
        return s == null || s.isEmpty() ? Optional.empty() : Optional.of(s);
    }
}

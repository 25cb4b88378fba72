package io.github.camelicloud.app.destination;

import java.net.URI;
import java.util.Optional;

/**
 * Where and how to reach an S3 bucket. {@code endpoint} is set for S3-compatible servers (MinIO, Ceph,
 * S3Proxy), which are addressed path-style; without access keys the AWS default chain is used
 * (environment, profile, instance role).
 */
public record S3Settings(String bucket, String prefix, Optional<URI> endpoint, String region,
        Optional<String> accessKey, Optional<String> secretKey) {

    public S3Settings {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("--s3-bucket must name a bucket");
        }
        if (accessKey.isPresent() != secretKey.isPresent()) {
            throw new IllegalArgumentException("--s3-access-key and --s3-secret-key go together (or set neither and"
                    + " let the AWS default credential chain answer)");
        }
        endpoint.ifPresent(e -> {
            if (e.getScheme() == null || e.getHost() == null) {
                throw new IllegalArgumentException("--s3-endpoint must be a URL such as http://127.0.0.1:9000, got "
                        + e);
            }
        });
        prefix = normalizedPrefix(prefix);
    }

    /** "photos", "/photos/" → "photos/"; none → "". */
    private static String normalizedPrefix(String prefix) {
        if (prefix == null) {
            return "";
        }
        String p = prefix.replaceAll("^/+", "");
        return p.isEmpty() || p.endsWith("/") ? p : p + "/";
    }
}

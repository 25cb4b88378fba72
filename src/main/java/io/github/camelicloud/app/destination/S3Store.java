package io.github.camelicloud.app.destination;

import io.github.camelicloud.sync.Sha256;
import java.io.InputStream;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalLong;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * HEAD requests: the bucket once per pass (existence, credentials), then keys no record explains. An object's
 * bytes are verified by the SHA-256 checksum S3 stored when it was uploaded ({@link S3Destination} asks for one);
 * an object without a whole-object SHA-256 (uploaded in parts, or by a server that keeps no checksums) is read
 * back and hashed.
 */
final class S3Store implements RemoteStore {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    S3Store(S3Client s3, String bucket, String prefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
    }

    @Override
    public void verify() {
        s3.headBucket(b -> b.bucket(bucket));
    }

    @Override
    public OptionalLong size(String key) {
        return head(key).map(h -> OptionalLong.of(h.contentLength())).orElse(OptionalLong.empty());
    }

    private Optional<HeadObjectResponse> head(String key) {
        try {
            return Optional.of(s3.headObject(h -> h.bucket(bucket).key(prefix + key).checksumMode(ChecksumMode.ENABLED)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) { // HEAD answers carry no error code
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public Optional<String> differs(String key, String sha256) throws Exception {
        Optional<HeadObjectResponse> head = head(key);
        if (head.isEmpty()) {
            return Optional.of(key + " is missing");
        }
        String stored = head.get().checksumSHA256();
        String actual;
        if (stored != null && !stored.contains("-")) { // a whole-object checksum, as S3 computed it on upload
            actual = HexFormat.of().formatHex(Base64.getDecoder().decode(stored));
        } else {
            try (InputStream in = s3.getObject(g -> g.bucket(bucket).key(prefix + key))) {
                actual = Sha256.of(in);
            }
        }
        return actual.equals(sha256) ? Optional.empty()
                : Optional.of(key + " does not hold the bytes that were uploaded");
    }

    @Override
    public void download(String key, java.nio.file.Path file) throws Exception {
        try (InputStream in = s3.getObject(g -> g.bucket(bucket).key(prefix + key))) {
            java.nio.file.Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** One PUT, streamed from the file, with S3's SHA-256 checksum kept (as the uploads through aws2-s3 have). */
    @Override
    public void upload(java.nio.file.Path file, String key) {
        s3.putObject(p -> p.bucket(bucket).key(prefix + key).checksumAlgorithm(ChecksumAlgorithm.SHA256),
                RequestBody.fromFile(file));
    }

    /** A server-side CopyObject: a photo's copy in another album costs no download and no upload. */
    @Override
    public boolean copy(String from, String to) {
        s3.copyObject(c -> c.sourceBucket(bucket).sourceKey(prefix + from).destinationBucket(bucket)
                .destinationKey(prefix + to));
        return true;
    }

    @Override
    public void delete(String key) {
        s3.deleteObject(d -> d.bucket(bucket).key(prefix + key));
    }

    @Override
    public void close() {
        // the client belongs to the destination
    }
}

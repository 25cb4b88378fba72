package io.github.camelicloud.app.destination;

import java.util.OptionalLong;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** HEAD requests: the bucket once per pass (existence, credentials), then each key before its upload. */
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
        try {
            return OptionalLong.of(s3.headObject(h -> h.bucket(bucket).key(prefix + key)).contentLength());
        } catch (NoSuchKeyException e) {
            return OptionalLong.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) { // HEAD answers carry no error code
                return OptionalLong.empty();
            }
            throw e;
        }
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

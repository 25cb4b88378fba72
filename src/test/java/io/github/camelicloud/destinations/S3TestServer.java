package io.github.camelicloud.destinations;

import java.io.InputStream;
import java.net.URI;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * S3Proxy in the test JVM on 127.0.0.1, and a client to look into it. Blobs are kept in a folder: the
 * in-memory store would hold every uploaded byte on the test's heap.
 */
public final class S3TestServer implements AutoCloseable {

    public static final String ACCESS_KEY = "access-key-1";
    public static final String SECRET_KEY = "secret-key-1";

    private final java.nio.file.Path folder;
    private final S3Proxy proxy;
    private final S3Client client;
    /** How many times each bucket/key was written (whole puts and completed multipart uploads). */
    private final java.util.Map<String, Integer> writes = new java.util.concurrent.ConcurrentHashMap<>();

    public S3TestServer(java.nio.file.Path folder) throws Exception {
        java.nio.file.Files.createDirectories(folder);
        this.folder = folder;
        proxy = S3Proxy.builder().blobStore(new WriteCounting(new FilesystemNio2BlobStore(folder.toString()), writes)).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(10);
        }
        client = S3Client.builder().httpClientBuilder(ApacheHttpClient.builder()).region(Region.US_EAST_1)
                .endpointOverride(URI.create(endpoint())).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY,
                        SECRET_KEY))).build();
    }

    /** Where the blobs are stored, a folder per bucket: the bytes as they landed, read without an S3 request. */
    public java.nio.file.Path blobs() {
        return folder;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + proxy.getPort();
    }

    public void createBucket(String bucket) {
        client.createBucket(b -> b.bucket(bucket));
    }

    /** Every object of the bucket: key, size and the SHA-256 of its bytes (streamed). */
    public List<StoredFile> objects(String bucket) throws Exception {
        return objects(bucket, "");
    }

    /** The objects whose key starts with {@code prefix}, keys in full. */
    public List<StoredFile> objects(String bucket, String prefix) throws Exception {
        List<StoredFile> all = new ArrayList<>();
        for (S3Object o : client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(client.getObject(b -> b.bucket(bucket).key(o.key())), digest)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            all.add(new StoredFile(o.key(), o.size(), HexFormat.of().formatHex(digest.digest())));
        }
        return all;
    }

    /** How many times each key of the bucket was written: more than 1 is a duplicate write. */
    public java.util.Map<String, Integer> writes(String bucket) {
        java.util.Map<String, Integer> of = new java.util.TreeMap<>();
        writes.forEach((k, n) -> {
            if (k.startsWith(bucket + "/")) {
                of.put(k.substring(bucket.length() + 1), n);
            }
        });
        return of;
    }

    /** The object's ETag as S3 reports it: {@code "<md5>-<parts>"} for a multipart upload. */
    public String eTag(String bucket, String key) {
        return client.headObject(b -> b.bucket(bucket).key(key)).eTag();
    }

    /** Streams an object into a local file (for exiftool), replacing it. */
    public java.nio.file.Path download(String bucket, String key, java.nio.file.Path file) throws Exception {
        java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
        try (InputStream in = client.getObject(b -> b.bucket(bucket).key(key))) {
            java.nio.file.Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    /** Writes an object as another writer would (replacing what was there). */
    public void put(String bucket, String key, byte[] bytes) {
        client.putObject(b -> b.bucket(bucket).key(key), software.amazon.awssdk.core.sync.RequestBody.fromBytes(bytes));
    }

    @Override
    public void close() throws Exception {
        client.close();
        proxy.stop();
    }

    /** The blob store with a count of the writes per bucket/key. */
    private static final class WriteCounting extends org.gaul.s3proxy.blobstore.ForwardingBlobStore {
        private final java.util.Map<String, Integer> writes;

        WriteCounting(org.gaul.s3proxy.blobstore.BlobStore store, java.util.Map<String, Integer> writes) {
            super(store);
            this.writes = writes;
        }

        @Override
        public software.amazon.awssdk.services.s3.model.PutObjectResponse putBlob(
                software.amazon.awssdk.services.s3.model.PutObjectRequest request, InputStream body) {
            var response = super.putBlob(request, body);
            writes.merge(request.bucket() + "/" + request.key(), 1, Integer::sum);
            return response;
        }

        @Override
        public software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse completeMultipartUpload(
                org.gaul.s3proxy.blobstore.domain.MultipartUpload upload,
                software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest request) {
            var response = super.completeMultipartUpload(upload, request);
            writes.merge(request.bucket() + "/" + request.key(), 1, Integer::sum);
            return response;
        }
    }
}

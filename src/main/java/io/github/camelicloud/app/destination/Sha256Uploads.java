package io.github.camelicloud.app.destination;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/**
 * The S3 client aws2-s3 uploads through, asking for a SHA-256 checksum on every upload ({@code
 * x-amz-checksum-sha256}, sent as a trailer while the body streams): S3 checks it on arrival and keeps it, and a
 * HEAD in checksum mode returns it. camel-aws2-s3 4.18 has no option for the algorithm, and the SDK settles it
 * before an execution interceptor could change the request, so the requests are changed on their way in.
 */
final class Sha256Uploads {

    private Sha256Uploads() {
    }

    static S3Client of(S3Client client) {
        return (S3Client) Proxy.newProxyInstance(S3Client.class.getClassLoader(), new Class<?>[] {S3Client.class},
                (proxy, method, args) -> {
                    if (args != null) {
                        for (int i = 0; i < args.length; i++) {
                            args[i] = withSha256(args[i]);
                        }
                    }
                    try {
                        return method.invoke(client, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static Object withSha256(Object request) {
        if (request instanceof PutObjectRequest put) {
            return put.toBuilder().checksumAlgorithm(ChecksumAlgorithm.SHA256).build();
        }
        if (request instanceof CreateMultipartUploadRequest create) {
            return create.toBuilder().checksumAlgorithm(ChecksumAlgorithm.SHA256).build();
        }
        if (request instanceof UploadPartRequest part) {
            return part.toBuilder().checksumAlgorithm(ChecksumAlgorithm.SHA256).build();
        }
        return request;
    }
}

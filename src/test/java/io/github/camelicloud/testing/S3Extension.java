package io.github.camelicloud.testing;

import io.github.camelicloud.destinations.S3TestServer;

/**
 * S3Proxy ({@link S3TestServer}) on 127.0.0.1 and a free port, its blobs in a temporary folder:
 * {@code @RegisterExtension static final S3Extension s3 = new S3Extension();} then {@code s3.get().endpoint()}.
 */
public final class S3Extension extends ServerExtension<S3TestServer> {

    @Override
    protected S3TestServer start() throws Exception {
        return new S3TestServer(folder().resolve("blobs"));
    }
}

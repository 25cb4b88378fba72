package io.github.camelicloud.app.destination;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/**
 * Asks S3 for a SHA-256 checksum of every object uploaded ({@code x-amz-checksum-sha256}): the SDK computes it
 * while streaming, S3 checks it on arrival and keeps it, and a HEAD with checksum mode returns it. camel-aws2-s3
 * 4.18 has no option for the algorithm, so the uploads it builds get it here, in the client they use.
 */
final class Sha256Checksums implements ExecutionInterceptor {

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest r = context.request();
        if (r instanceof PutObjectRequest put && put.checksumAlgorithm() == null) {
            return put.toBuilder().checksumAlgorithm(ChecksumAlgorithm.SHA256).build();
        }
        if (r instanceof CreateMultipartUploadRequest create && create.checksumAlgorithm() == null) {
            return create.toBuilder().checksumAlgorithm(ChecksumAlgorithm.SHA256).build();
        }
        if (r instanceof UploadPartRequest part && part.checksumAlgorithm() == null) {
            return part.toBuilder().checksumAlgorithm(ChecksumAlgorithm.SHA256).build();
        }
        return r;
    }
}

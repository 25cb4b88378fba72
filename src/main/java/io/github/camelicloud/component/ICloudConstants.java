package io.github.camelicloud.component;

import org.apache.camel.Exchange;
import org.apache.camel.spi.Metadata;

/** The headers of the {@code icloud:} component. */
public interface ICloudConstants {

    @Metadata(label = "consumer", description = "The asset's id (its master record name): stable for its content",
            javaType = "String")
    String ASSET_ID = "CamelICloudAssetId";
    @Metadata(label = "consumer", description = "The asset itself (dates, flags, versions, metadata)",
            javaType = "io.github.camelicloud.client.photos.Asset")
    String ASSET = "CamelICloudAsset";
    @Metadata(label = "consumer", description = "The CPLAsset record name (what a delete names)", javaType = "String")
    String RECORD_NAME = "CamelICloudRecordName";
    @Metadata(label = "consumer,producer", description = "Which version: original, medium, thumb, adjusted,"
            + " alternative, live-original, live-medium, live-thumb", javaType = "String")
    String VERSION = "CamelICloudVersion";
    @Metadata(label = "consumer", description = "The file name Apple stores, made safe (no folder)",
            javaType = "String")
    String FILE_NAME = "CamelICloudFileName";
    @Metadata(label = "consumer", description = "The relative path of the file (folder structure + name)",
            javaType = "String")
    String RELATIVE_PATH = Exchange.FILE_NAME;
    @Metadata(label = "consumer", description = "Size of the file in bytes", javaType = "long")
    String SIZE = "CamelICloudSize";
    @Metadata(label = "consumer", description = "Apple's checksum of the version: changes when the bytes change",
            javaType = "String")
    String CHECKSUM = "CamelICloudChecksum";
    @Metadata(label = "consumer", description = "Key of this content for idempotent repositories:"
            + " assetId:version:checksum", javaType = "String")
    String DELIVERY_KEY = "CamelICloudDeliveryKey";
    @Metadata(label = "producer", description = "Set by a remote destination's upload: the SHA-256 (hex) of the bytes"
            + " it sent, recorded as what the destination holds", javaType = "String")
    String WRITTEN_SHA256 = "CamelICloudWrittenSha256";
    @Metadata(label = "consumer", description = "When the photo or video was taken", javaType = "java.time.Instant")
    String CREATED = "CamelICloudCreated";
    @Metadata(label = "consumer", description = "When it was added to the library", javaType = "java.time.Instant")
    String ADDED = "CamelICloudAdded";
    @Metadata(label = "consumer", description = "Apple's type identifier of the version, e.g. public.heic",
            javaType = "String")
    String FILE_TYPE = "CamelICloudFileType";
    @Metadata(label = "consumer", description = "IMAGE, MOVIE or UNKNOWN", javaType = "String")
    String ITEM_KIND = "CamelICloudItemKind";
    @Metadata(label = "consumer", description = "True for a favourite", javaType = "boolean")
    String FAVORITE = "CamelICloudFavorite";
    @Metadata(label = "consumer,producer", description = "The album the asset was listed from", javaType = "String")
    String ALBUM = "CamelICloudAlbum";
    @Metadata(label = "consumer", description = "Who added the photo or video to the Shared Album (sharedAlbums only)",
            javaType = "String")
    String CONTRIBUTOR = "CamelICloudContributor";
    @Metadata(label = "consumer", description = "Under {album}: the relative path where this destination holds the same"
            + " content already (the photo's copy in another album); a folder links it, S3 copies it server-side, and"
            + " the body (the download, opened only when read) is used when that fails", javaType = "String")
    String COPY_OF = "CamelICloudCopyOf";
    @Metadata(label = "consumer,producer", description = "The library (zone), e.g. PrimarySync", javaType = "String")
    String LIBRARY = "CamelICloudLibrary";
    @Metadata(label = "producer", description = "The operation to perform (overrides the endpoint's)",
            javaType = "io.github.camelicloud.component.ICloudOperations")
    String OPERATION = "CamelICloudOperation";
    @Metadata(label = "producer", description = "listAssets: at most this many assets, newest first",
            javaType = "Integer")
    String LIMIT = "CamelICloudLimit";
    @Metadata(label = "consumer", description = "With resumePartialDownloads: where the route appends the bytes"
            + " (icloudpd's <base32 checksum>.part next to the file), relative like CamelFileName", javaType = "String")
    String PART_FILE = "CamelICloudPartFile";
    @Metadata(label = "consumer", description = "With resumePartialDownloads: the bytes an earlier run left in the"
            + " part file; the body starts after them", javaType = "Long")
    String RESUME_FROM = "CamelICloudResumeFrom";
    @Metadata(label = "consumer", description = "When the account's MFA trust ends (Apple's trust cookie), when"
            + " known; on every file and on MFA alerts", javaType = "java.time.Instant")
    String TRUST_EXPIRES_AT = "CamelICloudTrustExpiresAt";
    @Metadata(label = "consumer", description = "MFA alert (mfaAlertUri): mfa-expiring or mfa-required",
            javaType = "String")
    String MFA_EVENT = "CamelICloudMfaEvent";
    @Metadata(label = "consumer", description = "MFA alert: the new state, EXPIRING_SOON or MFA_REQUIRED",
            javaType = "io.github.camelicloud.client.mfa.MfaState")
    String MFA_STATE = "CamelICloudMfaState";
    @Metadata(label = "consumer", description = "MFA alert: the Apple ID concerned", javaType = "String")
    String USERNAME = "CamelICloudUsername";
    @Metadata(label = "consumer", description = "MFA alert: a one-line summary (the mail subject)",
            javaType = "String")
    String MFA_SUBJECT = "CamelICloudMfaSubject";
    @Metadata(label = "consumer", description = "MFA alert: the command that renews the trust", javaType = "String")
    String REAUTHENTICATION_COMMAND = "CamelICloudReauthenticationCommand";

    /**
     * Exchange property a destination's step sets when it already holds the file (same key and size): the
     * exchange completes without an upload and counts as "already there", not "delivered".
     */
    String ALREADY_THERE = "CamelICloudAlreadyThere";
}

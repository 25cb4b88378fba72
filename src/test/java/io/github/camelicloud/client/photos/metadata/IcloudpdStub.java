package io.github.camelicloud.client.photos.metadata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The CPLAsset fields of icloudpd's own XMP unit test ({@code tests/test_xmp_sidecar.py}, 1.32.x), with
 * the encoded values it uses for each format. The values are facts from that suite.
 */
public final class IcloudpdStub {

    /** Raw-deflate JSON adjustments whose metadata.orientation is 8. */
    public static final String ADJUSTMENTS_JSON = "PU67DoIwFP2XMzemBRKxo5Mummiig3G4QJEaCqS9sBD+XRDjdnLeI5xhKogJeoSjwMYfjH1VDB3LKBE/"
            + "7m4LrqATGUcCrbemYWLbNtDpJFC23hHfjA9fSgkMKz42ZbsUZ72ti1PvMuOhESX7nYIAdd0/g61SG7lRqZyFkFfG0cUMdhWlQFcTLzOz01F+"
            + "vmKepeLdB3bzlwD9eE4f";
    /** A binary-plist adjustment (slow-motion range of a video): no orientation. */
    public static final String ADJUSTMENTS_BPLIST = "YnBsaXN0MDDRAQJac2xvd01vdGlvbtIDBAUWV3JlZ2lvbnNUcmF0ZaEG0QcIWXRpbWVSYW5nZdIJ"
            + "CgsUVXN0YXJ0WGR1cmF0aW9u1AwNDg8QERITVWZsYWdzVXZhbHVlWXRpbWVzY2FsZVVlcG9jaBABER8cEQJYEADUDA0ODxAVEhMRBAQiPoAAAA"
            + "gLFhsjKCotNzxCS1RaYGpwcnV4eoOGAAAAAAAAAQEAAAAAAAAAFwAAAAAAAAAAAAAAAAAAAIs=";
    /** The start of icloudpd's CRDT adjustment (a drawing on a photo): no orientation. */
    public static final String ADJUSTMENTS_CRDT = "Y3JkdAYAAAAaFSoTEhECnYDNABO9TpuITgZaa+E95CKEARoLCgEAEgYSBAIBAgEiYCJeCgIAARIfCh0"
            + "KAggBEhdCFSoTEhECgrz/kYHVT/ad17NllB+B7xI3CjUKBAgCEAISLXIrCgMAAgMSBwjgma/0qQQSAigAEhdCFSoTEhECaEf6ANgrS7mCjBkrdfAi"
            + "PioTEhECiV4RTbgNT7O2wBIqFvHhkCKiCBoLCgEAEgYSBAIBAgEi/QdS+gcK9wcKCQoBAxIEEgIAOxLpBwoQ0ryRHvwLS8a0khdy8ERO+xE/kID5";
    /** Binary plist {@code ["some keyword"]}. */
    public static final String KEYWORDS = "YnBsaXN0MDChAVxzb21lIGtleXdvcmQICgAAAAAAAAEBAAAAAAAAAAIAAAAAAAAAAAAAAAAAAAAX";
    /** Binary plist: lat 18.82285, lon 98.96340333333333, alt 326.9550561797753, speed 0.0, timestamp 2001-01-01. */
    public static final String LOCATION_BINARY = "YnBsaXN0MDDYAQIDBAUGBwgJCQoLCQwNCVZjb3Vyc2VVc3BlZWRTYWx0U2xvbld2ZXJ0QWNjU2xh"
            + "dFl0aW1lc3RhbXBXaG9yekFjYyMAAAAAAAAAACNAdG9H6P0fpCNAWL2oZnRhiiNAMtKmTC+DezMAAAAAAAAAAAgZICYqLjY6RExVXmdwAAAAAAAA"
            + "AQEAAAAAAAAADgAAAAAAAAAAAAAAAAAAAHk=";
    /** An XML plist from a real photo (icloudpd issue 1059): alt 0.0, lon -122.88…, lat 50.09…, 2020-02-29T18:35:49Z. */
    public static final String LOCATION_XML = "PD94bWwgdmVyc2lvbj0iMS4wIiBlbmNvZGluZz0iVVRGLTgiIHN0YW5kYWxvbmU9InllcyI/Pgo8IURP"
            + "Q1RZUEUgcGxpc3QgUFVCTElDICItLy9BcHBsZS8vRFREIFBMSVNUIDEuMC8vRU4iICJodHRwOi8vd3d3LmFwcGxlLmNvbS9EVERzL1Byb3Blcn"
            + "R5TGlzdC0xLjAuZHRkIj4KPHBsaXN0IHZlcnNpb249IjEuMCI+Cgk8ZGljdD4KCQk8a2V5PnZlcnRBY2M8L2tleT4KCQk8cmVhbD4wLjA8L3Jl"
            + "YWw+CgoJCTxrZXk+YWx0PC9rZXk+CgkJPHJlYWw+MC4wPC9yZWFsPgoKCQk8a2V5Pmxvbjwva2V5PgoJCTxyZWFsPi0xMjIuODgxNTY2NjY2Nj"
            + "Y2NjY8L3JlYWw+CgoJCTxrZXk+bGF0PC9rZXk+CgkJPHJlYWw+NTAuMDk0MTgzMzMzMzMzMzM8L3JlYWw+CgoJCTxrZXk+dGltZXN0YW1wPC9r"
            + "ZXk+CgkJPGRhdGU+MjAyMC0wMi0yOVQxODozNTo0OVo8L2RhdGU+CgoJPC9kaWN0Pgo8L3BsaXN0Pg==";

    private static final ObjectMapper JSON = new ObjectMapper();

    private IcloudpdStub() {
    }

    /** A fresh, mutable copy of icloudpd's {@code assetRecordStub["fields"]}. */
    public static ObjectNode fields() {
        ObjectNode fields = JSON.createObjectNode();
        put(fields, "captionEnc", "VGl0bGUgSGVyZQ==", "ENCRYPTED_BYTES");
        put(fields, "extendedDescEnc", "Q2FwdGlvbiBIZXJl", "ENCRYPTED_BYTES");
        put(fields, "adjustmentSimpleDataEnc", ADJUSTMENTS_JSON, "ENCRYPTED_BYTES");
        put(fields, "assetSubtypeV2", 2, "INT64");
        put(fields, "keywordsEnc", KEYWORDS, "ENCRYPTED_BYTES");
        put(fields, "locationEnc", LOCATION_BINARY, "ENCRYPTED_BYTES");
        put(fields, "assetDate", 1532951050176L, "TIMESTAMP");
        put(fields, "isHidden", 0, "INT64");
        put(fields, "isDeleted", 0, "INT64");
        put(fields, "isFavorite", 0, "INT64");
        return fields;
    }

    /** icloudpd's {@code _minimal_asset_record}: only the date and the three flags. */
    public static ObjectNode minimalFields() {
        ObjectNode fields = JSON.createObjectNode();
        put(fields, "assetDate", 1532951050176L, "TIMESTAMP");
        put(fields, "isHidden", 0, "INT64");
        put(fields, "isDeleted", 0, "INT64");
        put(fields, "isFavorite", 0, "INT64");
        return fields;
    }

    public static void put(ObjectNode fields, String name, Object value, String type) {
        ObjectNode field = fields.putObject(name);
        field.set("value", JSON.valueToTree(value));
        field.put("type", type);
    }
}

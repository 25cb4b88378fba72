package io.github.camelicloud.simulator.library;

/** Which Photos database a library zone lives in: the owner's own, or a Shared Library the user joined. */
public enum Scope {
    PRIVATE, SHARED;

    /** The spelling of the manifest and of the CloudKit path segment. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

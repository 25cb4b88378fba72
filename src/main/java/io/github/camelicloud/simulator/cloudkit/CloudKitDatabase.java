package io.github.camelicloud.simulator.cloudkit;

/** The two Photos databases: the owner's libraries and Shared Libraries the user joined. */
public enum CloudKitDatabase {
    PRIVATE("private"), SHARED("shared");

    private final String pathSegment;

    CloudKitDatabase(String pathSegment) {
        this.pathSegment = pathSegment;
    }

    public String pathSegment() {
        return pathSegment;
    }
}

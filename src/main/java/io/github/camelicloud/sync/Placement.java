package io.github.camelicloud.sync;

/** Where a file goes at a destination (relative path) and whether the destination holds it already. */
public record Placement(String relativePath, boolean exists) {
}

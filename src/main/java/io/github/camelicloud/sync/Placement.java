package io.github.camelicloud.sync;

import java.util.Optional;

/**
 * Where a file goes at a destination (relative path), whether the destination holds it already, and where it
 * holds the same content already (another album's copy of the photo), if anywhere.
 */
public record Placement(String relativePath, boolean exists, Optional<String> copyOf) {

    public Placement(String relativePath, boolean exists) {
        this(relativePath, exists, Optional.empty());
    }
}

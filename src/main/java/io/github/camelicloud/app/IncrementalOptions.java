package io.github.camelicloud.app;

import io.github.camelicloud.component.ICloudConfiguration;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Incremental sync: after one full pass, a run asks iCloud only for what changed (the token lives in the state
 * directory). Applies to whole-library syncs; {@code --no-incremental} lists everything, e.g. after files
 * were deleted from the folder by hand.
 */
final class IncrementalOptions {

    @Option(names = "--no-incremental",
            description = "List the whole library on every run instead of asking iCloud what changed since the last"
                    + " one (use it after deleting downloaded files by hand)")
    boolean noIncremental;

    void applyTo(ICloudConfiguration config, Path stateDirectory) {
        config.setIncrementalSync(!noIncremental);
        config.setStateDirectory(stateDirectory.toString());
    }
}

package io.github.camelicloud.simulator.library;

import java.nio.file.Path;

/**
 * How each account's library is made.
 *
 * @param assets     generated assets in PrimarySync (ignored with a library folder)
 * @param seed       same seed, same library, byte for byte (mixed with the account's email)
 * @param videoSize  size of every generated plain video's original; 0 for the default 3-20 MB spread
 * @param libraryDir serve these files (one asset per file) instead of generated ones; null to generate
 * @param albums     user albums and folders to create; negative for the default (8 + assets / 100)
 */
public record LibraryOptions(int assets, long seed, long videoSize, Path libraryDir, int albums) {

    public static final int DEFAULT_ASSETS = 50;

    public LibraryOptions {
        if (assets < 0) {
            throw new IllegalArgumentException("asset count must not be negative, got " + assets);
        }
        if (videoSize < 0) {
            throw new IllegalArgumentException("video size must not be negative, got " + videoSize);
        }
    }

    public static LibraryOptions defaults() {
        return new LibraryOptions(DEFAULT_ASSETS, 0, 0, null, -1);
    }

    public int albumCount() {
        return albums >= 0 ? albums : 8 + assets / 100;
    }
}

package io.github.camelicloud.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.destinations.StoredFile;
import io.github.camelicloud.simulator.LibraryManifest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A destination checked against the simulator's manifest after a default sync (originals and live-photo videos
 * of PrimarySync): exactly the manifest's files by size and SHA-256, each under icloudpd's date folders and
 * named after its asset, no {@code .part} file left.
 */
public final class ManifestAssert {

    private ManifestAssert() {
    }

    /**
     * @param destination what the files are (for the failure message)
     * @param files       the destination's files, keys relative to where the folder structure starts
     */
    public static void holdsTheLibrary(String destination, List<StoredFile> files, LibraryManifest manifest) {
        Map<String, String> stemByContent = stems(manifest);
        assertThat(files).as(destination + ": files by size:sha256").extracting(StoredFile::content)
                .containsExactlyInAnyOrderElementsOf(contents(manifest));
        assertThat(files).as(destination).allSatisfy(f -> {
            String name = f.key().substring(f.key().lastIndexOf('/') + 1);
            assertThat(f.key()).matches("\\d{4}/\\d{2}/\\d{2}/[^/]+").doesNotEndWith(".part");
            assertThat(name.toLowerCase(Locale.ROOT)).as("named after its asset")
                    .startsWith(stemByContent.get(f.content()));
        });
    }

    /** size:sha256 of every file a default sync delivers (one entry per file, so duplicates count). */
    public static List<String> contents(LibraryManifest manifest) {
        List<String> all = new ArrayList<>();
        ManifestFiles.forEachDefaultFile(manifest, (asset, version) -> all.add(content(version)));
        return all;
    }

    /** The lower-case name without extension of the asset each content belongs to. */
    private static Map<String, String> stems(LibraryManifest manifest) {
        Map<String, String> stems = new HashMap<>();
        ManifestFiles.forEachDefaultFile(manifest, (asset, version) -> {
            String name = asset.fileName() == null ? "" : asset.fileName().toLowerCase(Locale.ROOT);
            stems.put(content(version),
                    name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name);
        });
        return stems;
    }

    private static String content(LibraryManifest.Version version) {
        return version.size() + ":" + version.sha256();
    }
}

package io.github.camelicloud.component;

/**
 * What one pass of a route did for its destination, file by file: delivered now, already there (at the
 * destination or in its record), left out (assets the filters skipped) and failed. A pass with a failed file is
 * not complete: the run's exit code, the health check and the metrics say so, and the next pass tries again.
 *
 * @param destination where the files went, as the user named it (a folder, a bucket, a server)
 * @param assets the assets looked at
 * @param metadataUpdated files already there whose metadata was rewritten (a metadata-only change in iCloud)
 * @param metadataFailed  files whose metadata could not be written (counted in {@code failed}; tried again next run)
 */
public record PassResult(String destination, int assets, int delivered, int alreadyThere, int skipped, int failed,
        int metadataUpdated, int metadataFailed) {

    public PassResult(String destination, int assets, int delivered, int alreadyThere, int skipped, int failed,
            int metadataUpdated) {
        this(destination, assets, delivered, alreadyThere, skipped, failed, metadataUpdated, 0);
    }

    public PassResult(String destination, int assets, int delivered, int alreadyThere, int skipped, int failed) {
        this(destination, assets, delivered, alreadyThere, skipped, failed, 0);
    }

    public boolean complete() {
        return failed == 0;
    }

    /** The summary line of the pass. */
    public String summary() {
        return destination + ": " + delivered + " delivered, " + alreadyThere + " already there"
                + (metadataUpdated > 0 ? " (" + metadataUpdated + " with updated metadata)" : "") + ", " + skipped
                + " skipped, " + failed + " failed"
                + (metadataFailed > 0 ? " (" + metadataFailed + " whose metadata could not be written)" : "");
    }
}

package io.github.camelicloud.component;

import io.github.camelicloud.sync.SyncPass;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts one poll's files as its exchanges end; thread-safe (files of a page are routed concurrently). */
final class PassTally {

    private final AtomicInteger assets = new AtomicInteger();
    private final AtomicInteger delivered = new AtomicInteger();
    private final AtomicInteger alreadyThere = new AtomicInteger();
    private final AtomicInteger skipped = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger metadataUpdated = new AtomicInteger();
    private final AtomicInteger metadataFailed = new AtomicInteger();

    void delivered() {
        delivered.incrementAndGet();
    }

    void alreadyThere() {
        alreadyThere.incrementAndGet();
    }

    /** A file already there whose metadata was rewritten in place (counted as already there too). */
    void metadataUpdated() {
        metadataUpdated.incrementAndGet();
    }

    /** A file whose metadata could not be written: a failure of the pass (the file itself may be delivered). */
    void metadataFailed() {
        metadataFailed.incrementAndGet();
        failed.incrementAndGet();
    }

    void failed() {
        failed.incrementAndGet();
    }

    int failures() {
        return failed.get();
    }

    /** The planner's counts of one album's pass: assets, assets left out, files the folder already holds. */
    void planned(SyncPass.Stats stats) {
        assets.addAndGet(stats.assets());
        skipped.addAndGet(stats.skippedAssets());
        alreadyThere.addAndGet(stats.existingFiles());
    }

    PassResult result(String destination) {
        return new PassResult(destination, assets.get(), delivered.get(), alreadyThere.get(), skipped.get(),
                failed.get(), metadataUpdated.get(), metadataFailed.get());
    }
}

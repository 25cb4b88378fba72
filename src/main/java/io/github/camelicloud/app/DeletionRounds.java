package io.github.camelicloud.app;

import io.github.camelicloud.client.ICloudClient;
import io.github.camelicloud.client.ICloudException;
import io.github.camelicloud.client.photos.PhotoLibrary;
import io.github.camelicloud.component.AssetOutcome;
import io.github.camelicloud.component.HeldAssets;
import io.github.camelicloud.component.ICloudDeletions;
import io.github.camelicloud.component.ICloudPassListener;
import io.github.camelicloud.component.PassResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CLI's deletions in iCloud across destinations: each destination's route reports, page by page, which
 * assets it holds completely; when every route has finished a pass (a round), an asset is moved to
 * Recently Deleted only if every destination holds it and proves so just before (its copies re-read and hashed,
 * or the stored checksum asked for) — a destination that was down, or holds other bytes, keeps the photo in
 * iCloud. Deleting after the round, not during the passes, also keeps every route's
 * listing ranks stable.
 */
final class DeletionRounds {

    private static final Logger LOG = LoggerFactory.getLogger(DeletionRounds.class);

    private static final ICloudPassListener NO_DELETIONS = new ICloudPassListener() {
        @Override
        public void passCompleted(PassResult result) {
        }

        @Override
        public void passFailed(Exception error) {
        }
    };

    private final ICloudClient client;
    private final String library;
    private final ICloudDeletions deletions;
    private final List<Route> routes = new ArrayList<>();
    private ICloudException failure;

    private final class Route implements ICloudPassListener {
        final HeldAssets held = new HeldAssets();
        boolean passOver;

        @Override
        public void pageHandled(List<AssetOutcome> outcomes) {
            synchronized (DeletionRounds.this) {
                held.add(outcomes); // an asset in several album folders: held only if every one holds it
            }
        }

        @Override
        public void passCompleted(PassResult result) {
            passOver(false);
        }

        @Override
        public void passFailed(Exception error) {
            passOver(true);
        }

        private void passOver(boolean failed) {
            synchronized (DeletionRounds.this) {
                if (failed) {
                    held.clear(); // this round proves nothing about this destination
                }
                passOver = true;
                if (routes.stream().allMatch(r -> r.passOver)) {
                    endRound();
                }
            }
        }
    }

    DeletionRounds(ICloudClient client, String library, ICloudDeletions deletions) {
        this.client = client;
        this.library = library;
        this.deletions = deletions;
    }

    /** No deletions asked for: routes get a listener that does nothing. */
    static DeletionRounds none() {
        return new DeletionRounds(null, null, null);
    }

    /** A listener for one more destination's route. */
    synchronized ICloudPassListener route() {
        if (deletions == null) {
            return NO_DELETIONS;
        }
        Route r = new Route();
        routes.add(r);
        return r;
    }

    /** The first deletion that failed (the run ends with it). */
    synchronized Optional<ICloudException> failure() {
        return Optional.ofNullable(failure);
    }

    private void endRound() {
        Route first = routes.get(0);
        Map<AssetOutcome, List<AssetOutcome.Proof>> due = new LinkedHashMap<>();
        for (AssetOutcome h : first.held.held()) {
            boolean everywhere = true;
            boolean downloaded = false;
            List<AssetOutcome.Proof> proofs = new ArrayList<>();
            for (Route r : routes) {
                AssetOutcome there = r.held.get(h.asset().id());
                everywhere &= there != null;
                downloaded |= there != null && there.downloaded();
                if (there != null) {
                    proofs.add(there.proof());
                }
            }
            if (everywhere && deletions.due(h.asset(), h.name(), true, downloaded)) {
                due.put(h, proofs);
            }
        }
        routes.forEach(r -> {
            r.held.clear();
            r.passOver = false;
        });
        if (due.isEmpty()) {
            return;
        }
        PhotoLibrary photos = client.photos().library(library);
        for (Map.Entry<AssetOutcome, List<AssetOutcome.Proof>> d : due.entrySet()) {
            AssetOutcome h = d.getKey();
            try {
                deletions.deleteIfProven(photos, h.asset(), h.name(), d.getValue()); // each destination verifies now
            } catch (ICloudException e) {
                String message = e.getMessage().contains(h.name()) ? e.getMessage()
                        : "Could not delete " + h.name() + " in iCloud: " + e.getMessage();
                LOG.warn("{} (it stays in iCloud; no more deletions in this round)", message);
                if (failure == null) {
                    failure = new ICloudException(message);
                }
                return; // as icloudpd: a failed delete ends the deletions
            }
        }
    }
}

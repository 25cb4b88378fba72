package io.github.camelicloud.simulator.library;

import java.time.Duration;
import java.time.Instant;

/**
 * The user-changeable flags of an asset.
 *
 * @param deletedField the CPLAsset {@code isDeleted} value: null (never deleted), 1 (in Recently Deleted)
 *                     or 0 (restored)
 * @param deletedAt    when it went to Recently Deleted (null unless deleted)
 */
public record Status(boolean favorite, boolean hidden, Integer deletedField, Instant deletedAt) {

    /** Recently Deleted keeps items this long (dateExpunged = deletedAt + 30 days). */
    public static final Duration RETENTION = Duration.ofDays(30);

    public static Status visible(boolean favorite) {
        return new Status(favorite, false, null, null);
    }

    public boolean deleted() {
        return deletedField != null && deletedField == 1;
    }

    public Instant dateExpunged() {
        return deleted() ? deletedAt.plus(RETENTION) : null;
    }

    public Status trashed(Instant now) {
        return new Status(favorite, hidden, 1, now);
    }

    public Status restored() {
        return new Status(favorite, hidden, deletedField == null ? null : 0, null);
    }

    public Status withFavorite(boolean value) {
        return new Status(value, hidden, deletedField, deletedAt);
    }

    public Status withHidden(boolean value) {
        return new Status(favorite, value, deletedField, deletedAt);
    }
}

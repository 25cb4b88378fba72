package io.github.camelicloud.component;

import io.github.camelicloud.sync.HeldFiles;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Message;

/** Hears when a consumer's pass over the library ends: the CLI's run-once mode stops then. */
public interface ICloudPassListener {

    /** A pass over the library starts (before the sign-in is checked). */
    default void passStarted() {
    }

    /** A pass over the library ended; {@code result} says whether every file reached the destination. */
    void passCompleted(PassResult result);

    /** After each page: how many assets of {@code total} (-1 when unknown) were handled so far. */
    default void progress(int assetsDone, long total) {
    }

    void passFailed(Exception error);

    /**
     * After each page, once its files were routed: for each selected asset, whether this destination holds
     * all its files and whether any was delivered now (what deletions in iCloud are decided on).
     */
    default void pageHandled(List<AssetOutcome> outcomes) {
    }

    /**
     * What the route's destination holds, when this listener is that destination (a remote one; the folder is the
     * consumer's own): the consumer places each file there, records it, and asks it for proof before a deletion.
     */
    default Optional<HeldFiles> heldFiles() {
        return Optional.empty();
    }

    /** A file reached the route's destination ({@code bytes}: its size in iCloud). */
    default void fileDelivered(String relativePath, long bytes) {
    }

    /** A file did not reach the route's destination; it is tried again on the next pass. */
    default void fileFailed(String relativePath, Exception error) {
    }

    /**
     * The account's MFA alert ({@code mfa-expiring}, {@code mfa-required}), once per account whichever route saw it:
     * the message {@code mfaAlertUri} gets (body: the text; the {@code CamelICloudMfa*} headers), also without one.
     */
    default void mfaAlert(Message alert) {
    }
}

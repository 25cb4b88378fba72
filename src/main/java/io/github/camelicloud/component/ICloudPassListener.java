package io.github.camelicloud.component;

import io.github.camelicloud.sync.SyncPass;

/** Hears when a consumer's pass over the library ends: the CLI's run-once mode stops then. */
public interface ICloudPassListener {

    void passCompleted(SyncPass.Stats stats);

    void passFailed(Exception error);
}

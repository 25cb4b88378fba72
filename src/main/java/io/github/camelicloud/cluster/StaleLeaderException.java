package io.github.camelicloud.cluster;

/** A state write refused because another node took the shard since (its epoch moved on): this node must stop. */
public final class StaleLeaderException extends RuntimeException {

    public StaleLeaderException(String message) {
        super(message);
    }
}

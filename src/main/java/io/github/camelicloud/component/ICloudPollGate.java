package io.github.camelicloud.component;

/**
 * Whether this process may sync an account now. Bound in the registry under {@link #BEAN} by cluster mode, where an
 * account belongs to the node leading its shard: a poll starts, and each file of it is routed, only while the gate
 * is open, so a node that lost the account stops at the next file even when its route is still being stopped. No
 * bean: always open.
 */
@FunctionalInterface
public interface ICloudPollGate {

    String BEAN = "icloud-poll-gate";

    /** May wait briefly while the leadership is being taken; false once another process owns the account. */
    boolean open(String account);
}

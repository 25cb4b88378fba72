package io.github.camelicloud.client;

/**
 * Where the clients of a group of processes keep what signing in produces, shared between them: the session, the
 * MFA alert state, and the verification codes (a cluster's database). The CLI and the {@code icloud:} endpoints
 * apply it to every client they build when one is configured.
 */
public interface SharedSignIn {

    /** The Camel registry's name for it. */
    String BEAN = "icloudSharedSignIn";

    /** Makes {@code builder}'s client keep the account's session, alert state and codes in the shared place. */
    void applyTo(ICloudClient.Builder builder, String username);
}

package io.github.camelicloud.app.credentials;

import io.github.camelicloud.client.ICloudException;

/** No system keyring answered (none installed, no D-Bus session, locked, timed out). */
public class KeyringUnavailableException extends ICloudException {

    public KeyringUnavailableException(String what, Throwable cause) {
        super("The system keyring is not available (" + what + "). On Linux it needs a Secret Service such as"
                + " gnome-keyring in a D-Bus session (DBUS_SESSION_BUS_ADDRESS); otherwise use --password or"
                + " --password-provider env with ICLOUD_PASSWORD.", cause, 0, null, false);
    }
}

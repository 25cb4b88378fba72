package io.github.camelicloud.app.credentials;

import java.util.Locale;
import java.util.Optional;

/**
 * The system's password store, under icloudpd's names so that a password stored by icloudpd (or its
 * {@code icloud} tool) is found here and the other way round: service {@value #SERVICE}, the Apple ID as
 * the user name. Every method throws {@link KeyringUnavailableException} when no store answers.
 */
public interface Keyring {

    /** icloudpd's service name ({@code pyicloud_ipd.utils.KEYRING_SYSTEM}). */
    String SERVICE = "pyicloud://icloud-password";

    Optional<String> password(String username);

    void store(String username, String password);

    /** True when there was a password to delete. */
    boolean delete(String username);

    /** Secret Service (GNOME Keyring, KWallet…) over D-Bus on Linux; Keychain or Credential Manager elsewhere. */
    static Keyring system() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        return new GuardedKeyring(os.contains("linux") || os.contains("bsd") ? new SecretServiceKeyring()
                : new NativeKeyring());
    }
}

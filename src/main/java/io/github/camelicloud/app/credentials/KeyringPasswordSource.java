package io.github.camelicloud.app.credentials;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The keyring provider: a missing or unreachable keyring is no error, the next provider is asked. */
public final class KeyringPasswordSource implements PasswordSource {

    private static final Logger LOG = LoggerFactory.getLogger(KeyringPasswordSource.class);

    private final Keyring keyring;

    public KeyringPasswordSource(Keyring keyring) {
        this.keyring = keyring;
    }

    @Override
    public Optional<String> password(String username) {
        try {
            Optional<String> password = keyring.password(username);
            LOG.debug(password.isPresent() ? "Password for {} found in the keyring"
                    : "No password for {} in the keyring", username);
            return password;
        } catch (KeyringUnavailableException e) {
            LOG.debug("Keyring skipped: {}", e.getMessage());
            return Optional.empty();
        }
    }
}

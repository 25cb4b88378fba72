package io.github.camelicloud.app.credentials;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The password providers in the user's order, as the client's password supplier: asked only when a full
 * sign-in is needed, the first provider with a password wins. After the sign-in worked, {@link #signedIn()}
 * saves that password to the keyring when the keyring provider is on (icloudpd does the same).
 */
public final class PasswordChain implements Supplier<Optional<String>> {

    private static final Logger LOG = LoggerFactory.getLogger(PasswordChain.class);

    private final String username;
    private final Map<PasswordProviderKind, PasswordSource> sources;
    private final Optional<Keyring> saveTo;
    private volatile PasswordProviderKind usedKind;
    private volatile String usedPassword;

    /** @param saveTo the keyring a password that worked is saved to; empty when the keyring provider is off */
    public PasswordChain(String username, Map<PasswordProviderKind, PasswordSource> sources, Optional<Keyring> saveTo) {
        this.username = username;
        this.sources = new LinkedHashMap<>(sources);
        this.saveTo = saveTo;
    }

    @Override
    public Optional<String> get() {
        for (Map.Entry<PasswordProviderKind, PasswordSource> source : sources.entrySet()) {
            Optional<String> password = source.getValue().password(username).filter(p -> !p.isEmpty());
            if (password.isPresent()) {
                LOG.debug("Password from the {} provider", source.getKey());
                usedKind = source.getKey();
                usedPassword = password.get();
                return password;
            }
        }
        LOG.debug("No password provider ({}) had a password", sources.keySet());
        return Optional.empty();
    }

    /** Apple accepted the sign-in: keep a password that came from elsewhere in the keyring. */
    public void signedIn() {
        String password = usedPassword;
        usedPassword = null;
        if (password == null || saveTo.isEmpty() || usedKind == PasswordProviderKind.keyring) {
            return;
        }
        try {
            saveTo.get().store(username, password);
            LOG.info("Password for {} saved in the system keyring", username);
        } catch (KeyringUnavailableException e) {
            LOG.debug("Password not saved in the keyring: {}", e.getMessage());
        }
    }
}

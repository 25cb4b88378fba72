package io.github.camelicloud.app.credentials;

import java.util.Optional;

/** One place a password may come from; empty when it has none. */
@FunctionalInterface
public interface PasswordSource {

    Optional<String> password(String username);
}

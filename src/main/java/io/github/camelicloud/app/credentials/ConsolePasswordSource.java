package io.github.camelicloud.app.credentials;

import java.io.Console;
import java.util.Optional;

/**
 * Asks on the terminal without echo. Never reads piped standard input: there, the first line is the
 * verification code (icloudpd's tests and scripts rely on that).
 */
public final class ConsolePasswordSource implements PasswordSource {

    private final boolean interactive;

    public ConsolePasswordSource(boolean interactive) {
        this.interactive = interactive;
    }

    @Override
    public Optional<String> password(String username) {
        Console console = System.console();
        if (!interactive || console == null) {
            return Optional.empty();
        }
        char[] typed = console.readPassword("iCloud Password for %s: ", username);
        return typed == null || typed.length == 0 ? Optional.empty() : Optional.of(new String(typed));
    }
}

package io.github.camelicloud.app;

import io.github.camelicloud.app.credentials.Keyring;
import io.github.camelicloud.app.credentials.KeyringUnavailableException;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code icloud}: icloudpd's tool for the system keyring. Asks for the password (no echo on a terminal) and
 * whether to save it, or deletes it. The entry is icloudpd's, so either tool finds what the other stored.
 */
@Command(name = "icloud", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Stores the iCloud password in the system keyring (or deletes it), as icloudpd's icloud tool:"
                + " the sync then needs no --password.")
final class KeyringCommand implements Callable<Integer> {

    private final BufferedReader in;
    private final PrintStream out;
    private final Keyring keyring;

    @Option(names = {"-u", "--username"}, paramLabel = "APPLE_ID", required = true, description = "Apple ID")
    String username;

    @Option(names = {"-p", "--password"}, paramLabel = "PASSWORD",
            description = "The password (default: asked without echo)")
    String password;

    @Option(names = "--delete-from-keyring", description = "Delete the stored password of this Apple ID")
    boolean delete;

    KeyringCommand(BufferedReader in, PrintStream out, Keyring keyring) {
        this.in = in;
        this.out = out;
        this.keyring = keyring;
    }

    @Override
    public Integer call() {
        try {
            if (delete) {
                out.println(keyring.delete(username) ? "Password for " + username + " deleted from the keyring"
                        : "No password for " + username + " was in the keyring");
                return 0;
            }
            String typed = password != null ? password : ask("ICloud Password for " + username + ": ", true);
            if (typed == null || typed.isEmpty()) {
                out.println("No password given; nothing stored.");
                return 1;
            }
            String answer = ask("Save password in keyring? (y/N) ", false);
            if (answer == null || !answer.trim().toLowerCase(Locale.ROOT).startsWith("y")) {
                out.println("Password not saved.");
                return 0;
            }
            keyring.store(username, typed);
            out.println("Password for " + username + " saved in the keyring (service " + Keyring.SERVICE + ")");
            return 0;
        } catch (KeyringUnavailableException e) {
            out.println(e.getMessage());
            return 1;
        }
    }

    /** From the terminal when there is one (a password without echo), else one line of piped input. */
    private String ask(String prompt, boolean secret) {
        Console console = System.console();
        if (console != null) {
            return secret ? toString(console.readPassword("%s", prompt)) : console.readLine("%s", prompt);
        }
        out.print(prompt);
        out.flush();
        try {
            String line = in.readLine();
            out.println();
            return line == null ? null : line.strip();
        } catch (IOException e) {
            return null;
        }
    }

    private static String toString(char[] chars) {
        return chars == null ? null : new String(chars);
    }
}

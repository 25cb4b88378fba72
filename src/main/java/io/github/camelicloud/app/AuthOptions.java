package io.github.camelicloud.app;

import io.github.camelicloud.app.credentials.PasswordProviderKind;
import io.github.camelicloud.app.credentials.SecretFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Where the password and the verification code come from (icloudpd's flags), and the web page's address. */
final class AuthOptions {

    /** icloudpd 1.32.2's default order. */
    static final List<PasswordProviderKind> DEFAULT_PASSWORD_PROVIDERS =
            List.of(PasswordProviderKind.parameter, PasswordProviderKind.keyring, PasswordProviderKind.console);

    /** icloudpd's {@code --mfa-provider} values, and the Telegram chat of --notify-telegram-*. */
    enum MfaProviderKind { console, webui, telegram }

    @Option(names = "--password-provider", paramLabel = "PROVIDER",
            description = "Where the password comes from, in this order (may repeat): parameter (--password), env"
                    + " (ICLOUD_PASSWORD), keyring, console, webui. Default: parameter, keyring, console."
                    + " A password that worked is saved to the keyring when keyring is one of them.")
    List<PasswordProviderKind> passwordProviders = new ArrayList<>();

    @Option(names = "--mfa-provider", paramLabel = "PROVIDER", defaultValue = "console",
            description = "Where the verification code comes from: console, webui or telegram (the bot asks in"
                    + " --notify-telegram-chat and takes the reply as the code). Default: ${DEFAULT-VALUE}")
    MfaProviderKind mfaProvider;

    @Option(names = "--webui-port", paramLabel = "PORT", defaultValue = "8080",
            description = "Port of the web page (--mfa-provider webui, --password-provider webui)."
                    + " Default: ${DEFAULT-VALUE}")
    int webuiPort;

    @Option(names = "--webui-host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address the web page listens on; 0.0.0.0 opens it to the network (it has no login)."
                    + " Default: ${DEFAULT-VALUE}")
    String webuiHost;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Read the iCloud password from the first line of FILE (keep it owner-only): unlike"
                    + " --password, it is not shown to other users by ps. Used as the 'parameter' provider")
    Path passwordFile;

    /** What the 'parameter' provider offers: --password, or the first line of --password-file. */
    String passwordParameter(String password) {
        return passwordFile == null ? password : SecretFile.read(passwordFile, "--password-file");
    }

    List<PasswordProviderKind> passwordProviders() {
        return passwordProviders.isEmpty() ? DEFAULT_PASSWORD_PROVIDERS
                : passwordProviders.stream().distinct().toList();
    }

    boolean webUiWanted() {
        return mfaProvider == MfaProviderKind.webui || passwordProviders().contains(PasswordProviderKind.webui);
    }
}

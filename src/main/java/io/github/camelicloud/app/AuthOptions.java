package io.github.camelicloud.app;

import io.github.camelicloud.app.credentials.PasswordProviderKind;
import io.github.camelicloud.app.credentials.SecretFile;
import io.github.camelicloud.app.webui.PemTls;
import io.github.camelicloud.app.webui.WebUiSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
            description = "Address the web page listens on; another than loopback (0.0.0.0: every interface) needs"
                    + " a login (--webui-password-file). Default: ${DEFAULT-VALUE}")
    String webuiHost;

    @Option(names = "--webui-password-file", paramLabel = "FILE",
            description = "The web page's login password: the first line of FILE (keep it owner-only), or the"
                    + " WEBUI_PASSWORD environment variable; only its hash is kept. Needed off loopback")
    Path webuiPasswordFile;

    @Option(names = "--webui-hostname", paramLabel = "NAME",
            description = "A name the web page is reached by (a NAS's DNS name, a reverse proxy's public name;"
                    + " repeatable): other Host names are refused. The loopback names, the machine's name and"
                    + " the address bound are always accepted")
    List<String> webuiHostnames = new ArrayList<>();

    @Option(names = "--webui-tls-cert", paramLabel = "FILE",
            description = "Serve the web page over HTTPS with this PEM certificate (chain); with --webui-tls-key")
    Path webuiTlsCert;

    @Option(names = "--webui-tls-key", paramLabel = "FILE",
            description = "The unencrypted PKCS#8 PEM key of --webui-tls-cert")
    Path webuiTlsKey;

    @Option(names = "--webui-trusted-proxy", paramLabel = "ADDRESS",
            description = "A reverse proxy's address (repeatable) whose X-Forwarded-Host/-Proto/-For headers the web"
                    + " page believes; from anyone else they are ignored")
    List<String> webuiTrustedProxies = new ArrayList<>();

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

    /**
     * The web page's settings, checked: the login read and hashed, the PEM files read.
     *
     * @throws IllegalArgumentException on a bad combination (off loopback without a login, a lone TLS file)
     */
    WebUiSettings webUiSettings() {
        if ((webuiTlsCert == null) != (webuiTlsKey == null)) {
            throw new IllegalArgumentException("--webui-tls-cert and --webui-tls-key go together: give both");
        }
        Optional<String> login = webuiPasswordFile != null
                ? Optional.of(SecretFile.read(webuiPasswordFile, "--webui-password-file"))
                : Optional.ofNullable(System.getenv("WEBUI_PASSWORD")).filter(p -> !p.isEmpty());
        return WebUiSettings.of(webuiHost, webuiPort, webuiHostnames, login,
                webuiTlsCert == null ? Optional.empty() : Optional.of(PemTls.read(webuiTlsCert, webuiTlsKey)),
                webuiTrustedProxies);
    }

    boolean webUiWanted() {
        return mfaProvider == MfaProviderKind.webui || passwordProviders().contains(PasswordProviderKind.webui);
    }
}

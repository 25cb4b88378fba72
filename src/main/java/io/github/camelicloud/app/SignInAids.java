package io.github.camelicloud.app;

import io.github.camelicloud.app.credentials.ConsolePasswordSource;
import io.github.camelicloud.app.credentials.Keyring;
import io.github.camelicloud.app.credentials.KeyringPasswordSource;
import io.github.camelicloud.app.credentials.PasswordChain;
import io.github.camelicloud.app.credentials.PasswordProviderKind;
import io.github.camelicloud.app.credentials.PasswordSource;
import io.github.camelicloud.app.webui.WebMfaCodeProvider;
import io.github.camelicloud.app.webui.PassBoard;
import io.github.camelicloud.app.webui.WebPasswordSource;
import io.github.camelicloud.app.webui.WebUiServer;
import io.github.camelicloud.app.webui.WebUiSettings;
import io.github.camelicloud.app.webui.WebUiState;
import io.github.camelicloud.client.auth.AccountSession;
import io.github.camelicloud.client.auth.MfaCodeProvider;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one CLI run signs in with: the password providers in the user's order, the MFA provider, and the
 * web page when one of them is {@code webui}, which also shows how the run goes. Closing stops the page.
 */
final class SignInAids implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SignInAids.class);

    private final PasswordChain passwords;
    private final Optional<WebUiServer> server;
    private final Optional<WebUiState> state;
    private final Optional<MfaCodeProvider> webMfa;
    private final Optional<PassBoard> board;

    private SignInAids(PasswordChain passwords, Optional<WebUiServer> server, Optional<WebUiState> state,
            Optional<MfaCodeProvider> webMfa, Optional<PassBoard> board) {
        this.passwords = passwords;
        this.server = server;
        this.state = state;
        this.webMfa = webMfa;
        this.board = board;
    }

    /** @param webUi the web page's settings (checked), when the page is wanted */
    static SignInAids open(AuthOptions options, Optional<WebUiSettings> webUi, String username, String passwordFlag,
            boolean interactive) {
        String passwordParameter = options.passwordParameter(passwordFlag);
        List<PasswordProviderKind> kinds = options.passwordProviders();
        if (passwordParameter != null && !kinds.contains(PasswordProviderKind.parameter)) {
            LOG.warn("--password (or --password-file) is not used: 'parameter' is not one of the --password-provider values {}", kinds);
        }
        Optional<WebUiState> state = Optional.empty();
        Optional<WebUiServer> server = Optional.empty();
        Optional<PassBoard> board = webUi.map(settings -> new PassBoard(Clock.systemUTC()));
        if (webUi.isPresent()) {
            state = Optional.of(new WebUiState(username));
            state.get().signingIn();
            server = Optional.of(WebUiServer.start(webUi.get(), state.get(), board.get()));
        }
        String address = server.map(WebUiServer::address).orElse("");
        Keyring keyring = Keyring.system();
        Map<PasswordProviderKind, PasswordSource> sources = new LinkedHashMap<>();
        for (PasswordProviderKind kind : kinds) {
            sources.put(kind, switch (kind) {
                case parameter -> user -> Optional.ofNullable(passwordParameter);
                case env -> user -> Optional.ofNullable(System.getenv("ICLOUD_PASSWORD"));
                case keyring -> new KeyringPasswordSource(keyring);
                case console -> new ConsolePasswordSource(interactive);
                case webui -> new WebPasswordSource(state.orElseThrow(), address);
            });
        }
        PasswordChain chain = new PasswordChain(username, sources,
                kinds.contains(PasswordProviderKind.keyring) ? Optional.of(keyring) : Optional.empty());
        Optional<MfaCodeProvider> webMfa = options.mfaProvider == AuthOptions.MfaProviderKind.webui
                ? state.map(s -> new WebMfaCodeProvider(s, address)) : Optional.empty();
        return new SignInAids(chain, server, state, webMfa, board);
    }

    PasswordChain passwords() {
        return passwords;
    }

    /** The web page's provider with {@code --mfa-provider webui}, else {@code otherwise}. */
    MfaCodeProvider mfa(MfaCodeProvider otherwise) {
        return webMfa.orElse(otherwise);
    }

    /** The web page's provider with {@code --mfa-provider webui}. */
    Optional<MfaCodeProvider> webMfa() {
        return webMfa;
    }

    /** The page stops asking for a code (another node's page answered the cluster's prompt). */
    void waitingOver() {
        state.ifPresent(WebUiState::signingIn);
    }

    void signedIn(AccountSession account) {
        passwords.signedIn();
        if (account != null) { // null: the sign-in waits for the user, and the passes retry it
            state.ifPresent(s -> s.signedIn(account));
        }
    }

    void progress(int done, long total) {
        state.ifPresent(s -> s.progress(done, total));
    }

    void finished(int exitCode) {
        state.ifPresent(s -> s.finished(exitCode == 0, exitCode == 0 ? "The run is complete." : "The run failed;"
                + " the log says why."));
    }

    /** The web page's status view of the routes, when the page is on. */
    Optional<PassBoard> statusView() {
        return board;
    }

    /** The web page's address, when it is on (the MFA alerts name it as a way to re-authenticate). */
    Optional<String> webPageAddress() {
        return server.map(WebUiServer::address);
    }

    @Override
    public void close() {
        server.ifPresent(WebUiServer::close);
    }
}

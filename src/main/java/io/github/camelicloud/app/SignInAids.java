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
import io.github.camelicloud.app.webui.WebPage;
import io.github.camelicloud.app.webui.WebUiSettings;
import io.github.camelicloud.app.webui.WebUiState;
import io.github.camelicloud.client.auth.AccountSession;
import io.github.camelicloud.client.auth.MfaCodeProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one account of a CLI run signs in with: the password providers in the user's order, the MFA provider, and
 * its card on the run's web page when one of them is {@code webui}, which also shows how the run goes.
 */
final class SignInAids {

    private static final Logger LOG = LoggerFactory.getLogger(SignInAids.class);

    private final PasswordChain passwords;
    private final Optional<WebPage> page;
    private final Optional<WebUiState> state;
    private final Optional<MfaCodeProvider> webMfa;

    private SignInAids(PasswordChain passwords, Optional<WebPage> page, Optional<WebUiState> state,
            Optional<MfaCodeProvider> webMfa) {
        this.passwords = passwords;
        this.page = page;
        this.state = state;
        this.webMfa = webMfa;
    }

    /**
     * @param webUi the web page's settings (checked), when the page is wanted
     * @param page  the run's one web page, which this account joins when it wants the page
     */
    static SignInAids open(AuthOptions options, Optional<WebUiSettings> webUi, WebPage page, String username,
            String passwordFlag, boolean interactive) {
        String passwordParameter = options.passwordParameter(passwordFlag);
        List<PasswordProviderKind> kinds = options.passwordProviders();
        if (passwordParameter != null && !kinds.contains(PasswordProviderKind.parameter)) {
            LOG.warn("--password (or --password-file) is not used: 'parameter' is not one of the --password-provider values {}", kinds);
        }
        Optional<WebUiState> state = webUi.map(settings -> page.join(settings, username));
        state.ifPresent(WebUiState::signingIn);
        String address = state.flatMap(s -> page.address()).orElse("");
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
        return new SignInAids(chain, state.map(s -> page), state, webMfa);
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
        return page.map(WebPage::board);
    }

    /** The web page's address, when it is on (the MFA alerts name it as a way to re-authenticate). */
    Optional<String> webPageAddress() {
        return page.flatMap(WebPage::address);
    }
}

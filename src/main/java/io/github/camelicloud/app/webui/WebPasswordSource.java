package io.github.camelicloud.app.webui;

import io.github.camelicloud.app.credentials.PasswordSource;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code --password-provider webui}: waits for the password typed into the web page. */
public final class WebPasswordSource implements PasswordSource {

    private static final Logger LOG = LoggerFactory.getLogger(WebPasswordSource.class);

    private final WebUiState state;
    private final String address;

    public WebPasswordSource(WebUiState state, String address) {
        this.state = state;
        this.address = address;
    }

    @Override
    public Optional<String> password(String username) {
        LOG.info("Waiting for the password of {} on {}", username, address);
        return state.awaitPassword();
    }
}

package io.github.camelicloud.app.webui;

import io.github.camelicloud.app.credentials.AwaitedMfaCodes;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --mfa-provider webui}: the code (or the phone to text one to) comes from the account's card on the web
 * page, for as long as the run goes on.
 */
public final class WebMfaCodeProvider extends AwaitedMfaCodes {

    private static final Logger LOG = LoggerFactory.getLogger(WebMfaCodeProvider.class);

    private final WebUiState state;
    private final String address;

    public WebMfaCodeProvider(WebUiState state, String address) {
        this.state = state;
        this.address = address;
    }

    @Override
    protected Optional<Hsa2Answer> await(Prompt prompt) {
        return switch (prompt.question()) {
            case TWO_FACTOR -> {
                LOG.info("Waiting for the two-factor authentication code on {}", address);
                yield state.awaitTwoFactor(prompt.phones(), prompt.previousCodeWrong());
            }
            case SMS_CODE -> {
                LOG.info("Waiting for the code sent by SMS to {} on {}",
                        prompt.smsPhone().orElseThrow().obfuscatedNumber(), address);
                yield state.awaitSmsCode(prompt.smsPhone().orElseThrow(), prompt.previousCodeWrong())
                        .map(DeviceCode::new);
            }
            case TWO_STEP -> {
                LOG.info("Waiting for the two-step authentication code on {}", address);
                yield state.awaitTwoFactor(List.of(), prompt.previousCodeWrong());
            }
        };
    }
}

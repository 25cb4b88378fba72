package io.github.camelicloud.app.notify;

import io.github.camelicloud.client.auth.MfaCodeProvider;
import io.github.camelicloud.client.auth.TrustedPhone;
import io.github.camelicloud.client.auth.TwoStepDevice;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --mfa-provider telegram}: when Apple wants a code, the bot asks in the configured chats and the user's
 * reply there is the code. No reply within the limit: no code (the sign-in fails as without a console, and a watch
 * asks again at its next pass).
 */
public final class TelegramMfaCodeProvider implements MfaCodeProvider {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramMfaCodeProvider.class);

    private final Notifications notifications;
    private final Duration limit;

    public TelegramMfaCodeProvider(Notifications notifications, Duration limit) {
        this.notifications = notifications;
        this.limit = limit;
    }

    @Override
    public Optional<Hsa2Answer> twoFactor(String username, List<TrustedPhone> phones, boolean previousCodeWrong) {
        return ask("Apple wants a verification code to sign in " + username + ".", previousCodeWrong)
                .map(DeviceCode::new);
    }

    @Override
    public Optional<String> smsCode(TrustedPhone phone, boolean previousCodeWrong) {
        return ask("Apple sent a verification code by SMS to " + phone.obfuscatedNumber() + ".", previousCodeWrong);
    }

    /** Legacy two-step: the first device gets the code (a chat has no device chooser). */
    @Override
    public Optional<TwoStepDevice> chooseTwoStepDevice(String username, List<TwoStepDevice> devices) {
        return devices.stream().findFirst();
    }

    @Override
    public Optional<String> twoStepCode(TwoStepDevice device, boolean previousCodeWrong) {
        return ask("Apple wants a two-step verification code.", previousCodeWrong);
    }

    private Optional<String> ask(String what, boolean previousCodeWrong) {
        String question = (previousCodeWrong ? "The last code was not accepted. " : "") + what
                + " Reply to this chat with the 6-digit code within " + limit.toMinutes() + " minutes.";
        LOG.info("Asked for the verification code in Telegram; waiting up to {} minutes for the reply",
                limit.toMinutes());
        try {
            Optional<String> code = notifications.askForCode(question, limit);
            if (code.isPresent()) {
                LOG.info("Received a verification code from Telegram");
                notifications.tellChats("Code received, signing in.");
            } else {
                LOG.warn("No verification code came from Telegram within {} minutes", limit.toMinutes());
            }
            return code;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            LOG.warn("Could not ask for the code in Telegram: {}", e.getMessage());
            return Optional.empty();
        }
    }
}

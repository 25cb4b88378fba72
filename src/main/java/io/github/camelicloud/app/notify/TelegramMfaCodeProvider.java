package io.github.camelicloud.app.notify;

import io.github.camelicloud.app.credentials.AwaitedMfaCodes;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --mfa-provider telegram}: when Apple wants a code, the bot asks in the configured chats and the user's
 * reply there is the code. No reply within the limit: no code (the sign-in fails as without a console, and a watch
 * asks again at its next pass).
 */
public final class TelegramMfaCodeProvider extends AwaitedMfaCodes {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramMfaCodeProvider.class);

    private final Notifications notifications;
    private final Duration limit;

    public TelegramMfaCodeProvider(Notifications notifications, Duration limit) {
        this.notifications = notifications;
        this.limit = limit;
    }

    @Override
    protected Optional<Hsa2Answer> await(Prompt prompt) throws Exception {
        String what = switch (prompt.question()) {
            case TWO_FACTOR -> "Apple wants a verification code to sign in " + prompt.username().orElse("") + ".";
            case SMS_CODE -> "Apple sent a verification code by SMS to "
                    + prompt.smsPhone().orElseThrow().obfuscatedNumber() + ".";
            case TWO_STEP -> "Apple wants a two-step verification code.";
        };
        String question = (prompt.previousCodeWrong() ? "The last code was not accepted. " : "") + what
                + " Reply to this chat with the 6-digit code within " + limit.toMinutes() + " minutes.";
        LOG.info("Asked for the verification code in Telegram; waiting up to {} minutes for the reply",
                limit.toMinutes());
        Optional<String> code = notifications.askForCode(question, limit);
        if (code.isPresent()) {
            LOG.info("Received a verification code from Telegram");
            notifications.tellChats("Code received, signing in.");
        } else {
            LOG.warn("No verification code came from Telegram within {} minutes", limit.toMinutes());
        }
        return code.map(DeviceCode::new);
    }
}

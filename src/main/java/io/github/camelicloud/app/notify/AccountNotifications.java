package io.github.camelicloud.app.notify;

import io.github.camelicloud.client.auth.MfaCodeProvider;
import io.github.camelicloud.component.ICloudPassListener;
import java.time.Duration;
import java.util.Optional;

/**
 * One CLI run's notifications for one account: the channels (started before the sign-in), the pass events of its
 * routes (its MFA alerts included), and the chat as the source of verification codes. Without a channel configured,
 * every method does nothing.
 */
public final class AccountNotifications implements AutoCloseable {

    /** How long the chat has to answer a code request (Apple's codes last about as long). */
    static final Duration CODE_WAIT = Duration.ofMinutes(10);

    private final Optional<Notifications> channels;
    private final Optional<PassEvents> passes;

    private AccountNotifications(Optional<Notifications> channels, Optional<PassEvents> passes) {
        this.channels = channels;
        this.passes = passes;
    }

    public static AccountNotifications none() {
        return new AccountNotifications(Optional.empty(), Optional.empty());
    }

    public static AccountNotifications start(NotifySettings settings, String account) throws Exception {
        if (!settings.any()) {
            return none();
        }
        Notifications channels = Notifications.start(settings);
        return new AccountNotifications(Optional.of(channels), Optional.of(new PassEvents(account, channels,
                settings.newPhotoDigest())));
    }

    public boolean enabled() {
        return channels.isPresent();
    }

    /** The chat's provider when {@code telegram} (the settings were checked to have a bot), else {@code otherwise}. */
    public MfaCodeProvider mfa(MfaCodeProvider otherwise, boolean telegram) {
        return telegram ? channels.filter(Notifications::hasTelegram)
                .<MfaCodeProvider>map(c -> new TelegramMfaCodeProvider(c, CODE_WAIT)).orElse(otherwise) : otherwise;
    }

    /** A listener for one more route of the account (empty without channels). */
    public Optional<ICloudPassListener> route() {
        return passes.map(PassEvents::route);
    }

    /** The run failed outside a pass (sign-in, start of the routes), or a pass's failure ended it. */
    public void runFailed(Exception error) {
        passes.ifPresent(p -> p.runFailed(error));
    }

    @Override
    public void close() {
        channels.ifPresent(Notifications::close);
    }
}

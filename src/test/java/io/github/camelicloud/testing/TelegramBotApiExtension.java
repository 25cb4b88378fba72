package io.github.camelicloud.testing;

/**
 * A {@link TelegramBotApi} for a test class or each test:
 * {@code @RegisterExtension final TelegramBotApiExtension telegram = new TelegramBotApiExtension();}.
 */
public final class TelegramBotApiExtension extends ServerExtension<TelegramBotApi> {

    @Override
    protected TelegramBotApi start() throws Exception {
        return new TelegramBotApi();
    }
}

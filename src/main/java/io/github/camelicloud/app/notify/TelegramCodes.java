package io.github.camelicloud.app.notify;

import io.github.camelicloud.app.credentials.AwaitedMfaCodes;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.telegram.model.IncomingMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of the bundled route that reads the bot's incoming messages while a code is awaited: a message from one of
 * the configured chats, sent after the question, whose text is a 6-digit code (spaces allowed) is the answer. Anything
 * from another chat is ignored: whoever finds the bot must not be able to answer for the user.
 */
public final class TelegramCodes implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramCodes.class);

    private final Set<String> chats;
    private final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();

    TelegramCodes(Set<String> chats) {
        this.chats = Set.copyOf(chats);
    }

    @Override
    public void process(Exchange exchange) {
        if (!(exchange.getMessage().getBody() instanceof IncomingMessage message) || message.getChat() == null) {
            return; // another kind of update (an edit, a button)
        }
        String chat = message.getChat().getId();
        if (!chats.contains(chat)) {
            LOG.warn("Ignored a Telegram message from chat {}: only --notify-telegram-chat {} may answer", chat,
                    String.join(", ", chats));
            return;
        }
        String text = message.getText() == null ? "" : message.getText().replaceAll("\\s", "");
        replies.add(new Reply(message.getDate() == null ? Instant.now() : message.getDate(), text));
    }

    /** The first code sent after {@code asked}, or empty after {@code limit}. */
    Optional<String> await(Instant asked, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        // Telegram dates are whole seconds
        Instant since = asked.minusSeconds(1);
        while (Instant.now().isBefore(deadline)) {
            Reply reply = replies.poll(Duration.between(Instant.now(), deadline).toMillis(), TimeUnit.MILLISECONDS);
            if (reply == null) {
                break;
            }
            if (reply.sent().isBefore(since)) {
                LOG.debug("Ignored a Telegram message sent before the code was asked for");
            } else if (AwaitedMfaCodes.isCode(reply.text())) {
                return Optional.of(reply.text());
            } else {
                LOG.info("A Telegram reply that is not a 6-digit code was ignored; waiting for the code");
            }
        }
        return Optional.empty();
    }

    private record Reply(Instant sent, String text) {
        @Override
        public String toString() {
            return "Reply[" + sent + ", ***]";
        }
    }
}

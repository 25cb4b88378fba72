package io.github.camelicloud.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Telegram's Bot API as a bot sees it, on a {@link RecordingHttpServer}: {@code /bot<TOKEN>/sendMessage} records
 * what the bot said, {@code /bot<TOKEN>/getUpdates} hands out what users wrote ({@link #userWrites}) from the
 * offset asked for. A wrong token is answered 401 like the real API. Use through {@link TelegramBotApiExtension}.
 */
public final class TelegramBotApi implements AutoCloseable {

    public static final String TOKEN = "123456:test-Bot-Token_secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RecordingHttpServer server;
    private final List<ObjectNode> updates = new ArrayList<>();
    private final AtomicInteger messageIds = new AtomicInteger(100);

    public TelegramBotApi() throws IOException {
        server = new RecordingHttpServer();
        server.answer(this::answer);
    }

    /** The Bot API's base URL (camel-telegram's baseUri). */
    public String baseUrl() {
        return server.url("");
    }

    public RecordingHttpServer server() {
        return server;
    }

    /** A user writes {@code text} in chat {@code chatId} now. */
    public synchronized void userWrites(String chatId, String text) {
        ObjectNode update = JSON.createObjectNode();
        update.put("update_id", 1000 + updates.size());
        ObjectNode message = update.putObject("message");
        message.put("message_id", messageIds.incrementAndGet());
        message.put("date", Instant.now().getEpochSecond());
        message.put("text", text);
        message.putObject("chat").put("id", Long.parseLong(chatId)).put("type", "private");
        message.putObject("from").put("id", Long.parseLong(chatId)).put("is_bot", false).put("first_name", "User");
        updates.add(update);
    }

    /** What the bot sent, in order: chat id and text. */
    public List<Sent> sent() {
        return server.requests("/bot").stream().filter(r -> r.path().endsWith("/sendMessage")).map(r -> {
            JsonNode body = read(r.body());
            return new Sent(body.path("chat_id").asText(), body.path("text").asText());
        }).toList();
    }

    /** Waits until the bot sent a message containing {@code text}. */
    public void awaitSent(String text) throws InterruptedException {
        server.await("bot message containing '" + text + "'", r -> sent().stream().anyMatch(s -> s.text()
                .contains(text)));
    }

    /** One message the bot sent. */
    public record Sent(String chatId, String text) {
    }

    private RecordingHttpServer.Answer answer(ReceivedRequest request) {
        if (!request.path().startsWith("/bot" + TOKEN + "/")) {
            return new RecordingHttpServer.Answer(401, "application/json",
                    "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
        }
        ObjectNode answer = JSON.createObjectNode().put("ok", true);
        if (request.path().endsWith("/getUpdates")) {
            answer.set("result", updatesFrom(offset(request.query())));
        } else if (request.path().endsWith("/sendMessage")) {
            JsonNode body = read(request.body());
            ObjectNode message = answer.putObject("result");
            message.put("message_id", messageIds.incrementAndGet());
            message.put("date", Instant.now().getEpochSecond());
            message.put("text", body.path("text").asText());
            message.putObject("chat").put("id", body.path("chat_id").asLong()).put("type", "private");
        } else {
            return new RecordingHttpServer.Answer(404, "application/json",
                    "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
        }
        return RecordingHttpServer.Answer.json(answer.toString());
    }

    private synchronized ArrayNode updatesFrom(long offset) {
        ArrayNode result = JSON.createArrayNode();
        updates.stream().filter(u -> u.path("update_id").asLong() >= offset).forEach(result::add);
        return result;
    }

    private static long offset(String query) {
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("offset=")) {
                    return Long.parseLong(pair.substring("offset=".length()));
                }
            }
        }
        return 0;
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body.isEmpty() ? "{}" : body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}

package io.github.camelicloud.app;

import io.github.camelicloud.app.notify.NotifySettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The --notify-* flags: the channels every run's events go to, as the {@code notify.*} properties of
 * application.properties. Tokens and URLs that carry a key may come from the environment instead (other users see
 * a command line in ps).
 */
final class NotifyOptions {

    @Option(names = "--notify-webhook", paramLabel = "URL",
            description = "POST each event as JSON to this URL (may repeat; default: NOTIFY_WEBHOOK_URL)")
    List<String> webhooks = new ArrayList<>();

    @Option(names = "--notify-ntfy", paramLabel = "URL",
            description = "Publish events to this ntfy topic, e.g. https://ntfy.sh/my-topic (may repeat; default:"
                    + " NTFY_URL)")
    List<String> ntfy = new ArrayList<>();

    @Option(names = "--notify-ntfy-token", paramLabel = "TOKEN",
            description = "ntfy access token (default: NTFY_TOKEN)")
    String ntfyToken;

    @Option(names = "--notify-telegram-token", paramLabel = "TOKEN",
            description = "Telegram bot token from @BotFather (default: TELEGRAM_BOT_TOKEN; prefer it: ps shows flags)")
    String telegramToken;

    @Option(names = "--notify-telegram-chat", paramLabel = "CHAT_ID",
            description = "Chat the bot writes to, and the only one whose reply is taken as a code (may repeat;"
                    + " default: TELEGRAM_CHAT_ID)")
    List<String> telegramChats = new ArrayList<>();

    @Option(names = "--notify-telegram-api", paramLabel = "URL",
            description = "Base URL of the Bot API (a self-hosted one). Default: " + NotifySettings.TELEGRAM_API)
    String telegramApi;

    @Option(names = "--notify-ping", paramLabel = "URL",
            description = "Heartbeat in healthchecks.io's style: URL/start when a pass starts, URL when it worked,"
                    + " URL/fail when not (may repeat)")
    List<String> pings = new ArrayList<>();

    @Option(names = "--notify-events", paramLabel = "LIST",
            description = "Events sent to ntfy and Telegram, comma-separated (the webhook gets all). Default:"
                    + " pass-failed,pass-recovered,new-photos,mfa-expiring,mfa-required,destination-down,"
                    + "destination-recovered")
    String events;

    @Option(names = "--notify-new-photos", description = "Send a digest of the new files after each pass (new-photos)")
    boolean newPhotos;

    /** @throws IllegalArgumentException naming the flag that is wrong */
    NotifySettings settings() {
        Map<String, String> p = new HashMap<>();
        put(p, "notify.webhook.urls", webhooks, "NOTIFY_WEBHOOK_URL");
        put(p, "notify.ntfy.urls", ntfy, "NTFY_URL");
        put(p, "notify.ntfy.token", ntfyToken, "NTFY_TOKEN");
        put(p, "notify.telegram.token", telegramToken, "TELEGRAM_BOT_TOKEN");
        put(p, "notify.telegram.chat-ids", telegramChats, "TELEGRAM_CHAT_ID");
        put(p, "notify.telegram.api-url", telegramApi, null);
        put(p, "notify.ping.urls", pings, null);
        put(p, "notify.events", events, null);
        p.put("notify.new-photos", String.valueOf(newPhotos));
        return NotifySettings.from(key -> Optional.ofNullable(p.get(key)).filter(v -> !v.isBlank()));
    }

    private static void put(Map<String, String> properties, String key, List<String> values, String env) {
        put(properties, key, values.isEmpty() ? null : String.join(" ", values), env);
    }

    private static void put(Map<String, String> properties, String key, String value, String env) {
        String given = value != null ? value : env == null ? null : System.getenv(env);
        if (given != null && !given.isBlank()) {
            properties.put(key, given);
        }
    }
}

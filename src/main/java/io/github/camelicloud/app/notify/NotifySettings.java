package io.github.camelicloud.app.notify;

import java.net.URI;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Where events go, read from the {@code notify.*} properties (application.properties, or the CLI's --notify-* flags
 * turned into them). Secrets (the bot token, the ntfy token, URLs that carry a key) are only handed to the channels,
 * never shown: {@link #toString()} names the hosts alone.
 */
public record NotifySettings(List<URI> webhooks, List<URI> ntfy, Optional<String> ntfyToken,
        Optional<String> telegramToken, List<String> telegramChats, URI telegramApi, List<URI> pings,
        Set<EventKind> chatEvents, boolean newPhotoDigest) {

    public static final String TELEGRAM_API = "https://api.telegram.org";

    /** @param property a property's value, empty when not set or blank */
    public static NotifySettings from(Function<String, Optional<String>> property) {
        Optional<String> token = property.apply("notify.telegram.token");
        List<String> chats = property.apply("notify.telegram.chat-ids").map(v -> Arrays.stream(v.split("[,\\s]+"))
                .filter(c -> !c.isEmpty()).toList()).orElse(List.of());
        if (token.isPresent() != !chats.isEmpty()) {
            throw new IllegalArgumentException(token.isPresent()
                    ? "A Telegram bot token needs the chat to write to: --notify-telegram-chat ID (notify.telegram.chat-ids)"
                    : "--notify-telegram-chat needs the bot's token: --notify-telegram-token or TELEGRAM_BOT_TOKEN"
                            + " (notify.telegram.token)");
        }
        for (String chat : chats) {
            if (!chat.matches("-?\\d+|@\\w+")) {
                throw new IllegalArgumentException("Telegram chat '" + chat + "' is not a chat id (a number, e.g."
                        + " 123456789, or @channelname)");
            }
        }
        Set<EventKind> events = property.apply("notify.events").map(v -> Arrays.stream(v.split("[,\\s]+"))
                .filter(e -> !e.isEmpty()).map(EventKind::of).toList())
                .map(l -> l.isEmpty() ? EnumSet.noneOf(EventKind.class) : EnumSet.copyOf(l))
                .orElse(EnumSet.copyOf(EventKind.CHAT_DEFAULT));
        return new NotifySettings(urls(property, "notify.webhook.urls"), urls(property, "notify.ntfy.urls"),
                property.apply("notify.ntfy.token"), token, chats,
                url("notify.telegram.api-url", property.apply("notify.telegram.api-url").orElse(TELEGRAM_API)),
                urls(property, "notify.ping.urls"), events,
                property.apply("notify.new-photos").map(Boolean::parseBoolean).orElse(false));
    }

    public boolean any() {
        return !webhooks.isEmpty() || !ntfy.isEmpty() || telegramToken.isPresent() || !pings.isEmpty();
    }

    /** Splits a list at commas or spaces that come before a URL (a comma inside one, e.g. ntfy's tags=a,b, stays). */
    private static List<URI> urls(Function<String, Optional<String>> property, String key) {
        return property.apply(key).map(v -> Arrays.stream(v.trim().split("\\s*,\\s*(?=https?://)|\\s+"))
                .filter(u -> !u.isEmpty()).map(u -> url(key, u)).toList()).orElse(List.of());
    }

    private static URI url(String key, String value) {
        try {
            URI uri = new URI(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (java.net.URISyntaxException e) {
            // the message below says what is expected
        }
        throw new IllegalArgumentException(key + ": '" + shown(value) + "' is not an http:// or https:// URL");
    }

    /** A URL as logs may show it: scheme, host and port; its path and query may be the secret (ntfy topic, hook key). */
    public static String shown(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort()) + "/…";
    }

    private static String shown(String value) {
        try {
            URI uri = new URI(value);
            return uri.getHost() == null ? "…" : shown(uri);
        } catch (java.net.URISyntaxException e) {
            return "…";
        }
    }

    @Override
    public String toString() {
        return "webhooks " + webhooks.stream().map(NotifySettings::shown).toList() + ", ntfy " + ntfy.stream()
                .map(NotifySettings::shown).toList() + ", telegram chats " + telegramChats + ", pings "
                + pings.stream().map(NotifySettings::shown).toList();
    }
}

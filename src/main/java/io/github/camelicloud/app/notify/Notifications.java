package io.github.camelicloud.app.notify;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.component.telegram.TelegramComponent;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each event to the bundled channel routes ({@value #ROUTES}): a generic webhook (JSON POST), ntfy, Telegram
 * and heartbeat pings, in a Camel context of their own that is up before the sign-in (a code may be asked for in
 * the chat). A channel that cannot be reached is one log line naming its host, never its key; the sync goes on.
 */
public final class Notifications implements Consumer<NotifyEvent>, AutoCloseable {

    public static final String ROUTES = "classpath:routes/icloud-notify.camel.yaml";
    static final String CODES_ROUTE = "icloud-notify-telegram-codes";
    static final String TARGET = "CamelICloudNotifyTarget";
    static final String EVENT = "CamelICloudNotifyEvent";
    static final String TITLE = "CamelICloudNotifyTitle";
    static final String JSON = "CamelICloudNotifyJson";
    static final String PRIORITY = "CamelICloudNotifyPriority";
    private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);

    private final NotifySettings settings;
    private final CamelContext camel;
    private final ProducerTemplate template;
    private final TelegramCodes codes;

    private Notifications(NotifySettings settings, CamelContext camel, TelegramCodes codes) {
        this.settings = settings;
        this.camel = camel;
        this.template = camel.createProducerTemplate();
        this.codes = codes;
    }

    /** Starts the channel routes; the settings name at least one channel. */
    public static Notifications start(NotifySettings settings) throws Exception {
        DefaultCamelContext camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName("camel-icloud-notify");
        Properties properties = new Properties();
        properties.put("notify.webhook.enabled", String.valueOf(!settings.webhooks().isEmpty()));
        properties.put("notify.ntfy.enabled", String.valueOf(!settings.ntfy().isEmpty()));
        properties.put("notify.ping.enabled", String.valueOf(!settings.pings().isEmpty()));
        properties.put("notify.telegram.enabled", String.valueOf(settings.telegramToken().isPresent()));
        camel.getPropertiesComponent().setOverrideProperties(properties);
        for (String scheme : new String[] {"http", "https"}) {
            HttpComponent http = camel.getComponent(scheme, HttpComponent.class);
            http.setConnectTimeout(Duration.ofSeconds(15).toMillis());
            http.setResponseTimeout(Duration.ofSeconds(30).toMillis());
        }
        TelegramCodes codes = new TelegramCodes(new HashSet<>(settings.telegramChats()));
        if (settings.telegramToken().isPresent()) {
            // on the component, not in a URI: endpoint URIs end up in logs, JMX and error messages
            TelegramComponent telegram = camel.getComponent("telegram", TelegramComponent.class);
            telegram.setAuthorizationToken(settings.telegramToken().get());
            telegram.setBaseUri(settings.telegramApi().toString().replaceAll("/+$", ""));
        }
        camel.getRegistry().bind("telegramCodes", codes);
        PluginHelper.getRoutesLoader(camel).loadRoutes(PluginHelper.getResourceLoader(camel).resolveResource(ROUTES));
        camel.start();
        LOG.info("Notifications: {}", settings);
        return new Notifications(settings, camel, codes);
    }

    /** Sends the event to every channel that takes it; never throws. */
    @Override
    public void accept(NotifyEvent event) {
        if (!event.repeated()) {
            settings.webhooks().forEach(url -> send("webhook", url, "direct:icloud-notify-webhook", event,
                    Map.of(TARGET, url.toString(), JSON, event.json())));
            if (settings.chatEvents().contains(event.kind())) {
                settings.ntfy().forEach(url -> send("ntfy", url, "direct:icloud-notify-ntfy", event, ntfyHeaders(url,
                        event)));
                settings.telegramChats().forEach(chat -> send("Telegram", null, "direct:icloud-notify-telegram",
                        event, Map.of("CamelTelegramChatId", chat)));
            }
        }
        pingSuffix(event).ifPresent(suffix -> settings.pings().forEach(url -> send("ping", url,
                "direct:icloud-notify-ping", event, Map.of(TARGET, url.toString().replaceAll("/+$", "") + suffix))));
    }

    /** healthchecks.io's convention: URL/start, URL (success), URL/fail. */
    private static Optional<String> pingSuffix(NotifyEvent event) {
        return switch (event.kind()) {
            case PASS_STARTED -> Optional.of("/start");
            case PASS_FINISHED -> Optional.of(((Number) event.fields().get("failed")).intValue() > 0 ? "/fail" : "");
            case PASS_FAILED -> Optional.of("/fail");
            default -> Optional.empty();
        };
    }

    private Map<String, Object> ntfyHeaders(URI url, NotifyEvent event) {
        Map<String, Object> headers = new java.util.HashMap<>(Map.of(TARGET, url.toString(), PRIORITY,
                switch (event.kind()) {
                    case PASS_FAILED, MFA_REQUIRED, DESTINATION_DOWN -> "high";
                    default -> "default";
                }));
        settings.ntfyToken().ifPresent(token -> headers.put("Authorization", "Bearer " + token));
        return headers;
    }

    private void send(String channel, URI url, String route, NotifyEvent event, Map<String, Object> headers) {
        Exchange sent = template.send(route, exchange -> {
            exchange.getMessage().setBody(event.text());
            exchange.getMessage().setHeader(EVENT, event.kind().wireName());
            exchange.getMessage().setHeader(TITLE, event.title());
            exchange.getMessage().getHeaders().putAll(headers);
        });
        String where = channel + (url == null ? "" : " " + NotifySettings.shown(url));
        if (sent.getException() != null) {
            LOG.warn("Could not send the {} notification to {}: {}. Syncing goes on.", event.kind(), where,
                    reason(sent.getException()));
        } else {
            LOG.debug("Sent the {} notification to {}", event.kind(), where);
        }
    }

    /** One line without the URL or the token (an HTTP failure's message names the whole URL). */
    private String reason(Exception error) {
        if (error instanceof HttpOperationFailedException http) {
            return "HTTP " + http.getStatusCode() + " " + Optional.ofNullable(http.getStatusText()).orElse("");
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        for (String secret : secrets()) {
            message = message.replace(secret, "…");
        }
        return message.replaceAll("https?://\\S+", "…");
    }

    private java.util.List<String> secrets() {
        java.util.List<String> secrets = new java.util.ArrayList<>();
        settings.telegramToken().ifPresent(secrets::add);
        settings.ntfyToken().ifPresent(secrets::add);
        return secrets;
    }

    /**
     * Asks every configured chat for a verification code and waits for the answer (empty without Telegram or after
     * {@code limit}); the bot reads its messages only meanwhile.
     */
    Optional<String> askForCode(String question, Duration limit) throws Exception {
        if (settings.telegramToken().isEmpty()) {
            return Optional.empty();
        }
        Instant asked = Instant.now();
        NotifyEvent ask = NotifyEvent.of(EventKind.MFA_REQUIRED, "", "camel-icloud needs a verification code",
                question, Map.of());
        settings.telegramChats().forEach(chat -> send("Telegram", null, "direct:icloud-notify-telegram", ask,
                Map.of("CamelTelegramChatId", chat)));
        camel.getRouteController().startRoute(CODES_ROUTE);
        try {
            return codes.await(asked, limit);
        } finally {
            camel.getRouteController().stopRoute(CODES_ROUTE);
        }
    }

    /** A short message to the chats (the code was received, ...). */
    void tellChats(String text) {
        NotifyEvent note = NotifyEvent.of(EventKind.MFA_REQUIRED, "", "camel-icloud", text, Map.of());
        settings.telegramChats().forEach(chat -> send("Telegram", null, "direct:icloud-notify-telegram", note,
                Map.of("CamelTelegramChatId", chat)));
    }

    public boolean hasTelegram() {
        return settings.telegramToken().isPresent();
    }

    @Override
    public void close() {
        try {
            camel.close();
        } catch (Exception e) {
            LOG.debug("Notification routes did not stop cleanly", e);
        }
    }
}

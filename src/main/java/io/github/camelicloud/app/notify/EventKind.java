package io.github.camelicloud.app.notify;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/** What happened, by the name channels see ({@code event} in the webhook's JSON, the ping, the chat message). */
public enum EventKind {
    PASS_STARTED("pass-started"),
    PASS_FINISHED("pass-finished"),
    PASS_FAILED("pass-failed"),
    /** The first pass that worked after failed ones. */
    PASS_RECOVERED("pass-recovered"),
    NEW_PHOTOS("new-photos"),
    MFA_EXPIRING("mfa-expiring"),
    MFA_REQUIRED("mfa-required"),
    DESTINATION_DOWN("destination-down"),
    DESTINATION_RECOVERED("destination-recovered");

    /** What a chat (ntfy, Telegram) hears unless told otherwise: what needs a person, not every pass. */
    public static final Set<EventKind> CHAT_DEFAULT = EnumSet.of(PASS_FAILED, PASS_RECOVERED, NEW_PHOTOS, MFA_EXPIRING,
            MFA_REQUIRED, DESTINATION_DOWN, DESTINATION_RECOVERED);

    private final String wireName;

    EventKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** @throws IllegalArgumentException naming the known events */
    public static EventKind of(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(name.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown notification event '" + name + "': use "
                        + String.join(", ", Arrays.stream(values()).map(EventKind::wireName).toList())));
    }

    @Override
    public String toString() {
        return wireName;
    }
}

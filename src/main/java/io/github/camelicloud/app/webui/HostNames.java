package io.github.camelicloud.app.webui;

import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which {@code Host} headers a local web surface answers (the web page, the metrics and health endpoint): bound
 * to loopback, only loopback names, so a web site the user visits cannot reach it through DNS rebinding; bound
 * to another address, any name (it is meant to be reached from the network).
 */
public final class HostNames {

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    private HostNames() {
    }

    public static boolean isLoopback(String bindAddress) {
        return LOOPBACK.contains(bindAddress);
    }

    /** The rule for a server bound to {@code bindAddress}. */
    public static Predicate<String> allowedFor(String bindAddress) {
        return isLoopback(bindAddress) ? HostNames::isLoopbackHostHeader : header -> true;
    }

    private static boolean isLoopbackHostHeader(String hostHeader) {
        if (hostHeader == null) {
            return false;
        }
        String name = hostHeader.startsWith("[") ? hostHeader.substring(0, hostHeader.indexOf(']') + 1)
                : hostHeader.replaceFirst(":\\d+$", "");
        return LOOPBACK.contains(name.toLowerCase(Locale.ROOT));
    }
}

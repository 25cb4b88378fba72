package io.github.camelicloud.app.webui;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which {@code Host} headers a local web surface answers. A name another site controls must never be answered: that
 * is how DNS rebinding lets a web page the user visits read or post to a local server. The web page answers only
 * the names it is reached by: the loopback names (bound to loopback or every address), the address it is bound to,
 * the machine's own name and addresses (bound to every address), and the names given with {@code --webui-hostname}
 * (a NAS's DNS name, a reverse proxy's public name).
 */
public final class HostNames {

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");
    private static final Set<String> WILDCARD = Set.of("0.0.0.0", "::", "[::]");

    private HostNames() {
    }

    public static boolean isLoopback(String bindAddress) {
        return LOOPBACK.contains(bindAddress);
    }

    /**
     * The metrics endpoint's rule: bound to loopback, only loopback names; bound elsewhere, any name (scrapers reach it
     * by service names no one configures here).
     */
    public static Predicate<String> allowedFor(String bindAddress) {
        return isLoopback(bindAddress) ? h -> hostName(h).filter(LOOPBACK::contains).isPresent() : header -> true;
    }

    /** The web page's rule for a server bound to {@code bindAddress}, answering also {@code configured}. */
    static Set<String> forWebPage(String bindAddress, Collection<String> configured) {
        Set<String> names = new LinkedHashSet<>();
        configured.forEach(n -> hostName(n).ifPresent(names::add));
        if (isLoopback(bindAddress) || WILDCARD.contains(bindAddress)) {
            names.addAll(LOOPBACK);
        }
        if (!isLoopback(bindAddress)) {
            hostName(bindAddress.contains(":") && !bindAddress.startsWith("[") ? "[" + bindAddress + "]"
                    : bindAddress).ifPresent(names::add);
            machineName().ifPresent(names::add);
        }
        if (WILDCARD.contains(bindAddress)) {
            names.addAll(interfaceAddresses());
        }
        names.removeAll(WILDCARD);
        return Collections.unmodifiableSet(names);
    }

    /** Whether {@code hostHeader} (a name or address, with or without a port) names one of {@code names}. */
    static boolean allows(Set<String> names, String hostHeader) {
        return hostName(hostHeader).filter(names::contains).isPresent();
    }

    /**
     * The name of a Host header, lower case, without its port; an IPv6 address in brackets, in its canonical form
     * (parsed as a literal: no DNS lookup is ever made for a header).
     */
    static Optional<String> hostName(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return Optional.empty();
        }
        String header = hostHeader.trim().toLowerCase(Locale.ROOT);
        if (header.startsWith("[")) {
            int end = header.indexOf(']');
            if (end < 0) {
                return Optional.empty();
            }
            String literal = header.substring(1, end);
            if (!literal.matches("[0-9a-f:.]+")) {
                return Optional.empty();
            }
            try {
                return Optional.of("[" + canonical(InetAddress.getByName(literal)) + "]");
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }
        String name = header.replaceFirst(":\\d*$", "");
        return name.matches("[a-z0-9._-]+") ? Optional.of(name) : Optional.empty();
    }

    private static Optional<String> machineName() {
        try {
            return hostName(InetAddress.getLocalHost().getHostName());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static Set<String> interfaceAddresses() {
        Set<String> addresses = new LinkedHashSet<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    String text = canonical(address);
                    addresses.add(address instanceof java.net.Inet6Address ? "[" + text + "]" : text);
                }
            }
        } catch (SocketException e) {
            // no interface list: the names given and the machine's name still count
        }
        return addresses;
    }

    /** An address as text, IPv6 compressed the way browsers write it, without a scope. */
    private static String canonical(InetAddress address) {
        String text = address.getHostAddress().replaceFirst("%.*$", "");
        if (address instanceof java.net.Inet6Address) {
            text = text.replaceAll("(^|:)0+([0-9a-f])", "$1$2").replaceFirst("(^|:)(0(:|$)){2,}", "::")
                    .replaceFirst(":::", "::");
        }
        return text;
    }
}

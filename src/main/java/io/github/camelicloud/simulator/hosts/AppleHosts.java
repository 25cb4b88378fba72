package io.github.camelicloud.simulator.hosts;

import io.github.camelicloud.simulator.http.CookieScope;
import io.github.camelicloud.simulator.http.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Apple's host names (§1.1, §1.3), for the {@code com} and the {@code cn} (China mainland) domain. Which one a
 * request belongs to follows from its {@code Host}; every URL handed out names the same domain's hosts, and
 * cookies carry Apple's Domain ({@code .apple.com} from idmsa, {@code .icloud.com} from setup) and Secure.
 */
public final class AppleHosts implements PublicHosts {

    /** The CloudKit partition advertised in webservices ({@code pNN-ckdatabasews.icloud.com}). */
    public static final String PARTITION = "p61";

    /** What a host name is for; decides which paths it serves. */
    public enum Role {
        IDMSA("/appleauth/"), SETUP("/setup/"), HOME(null), CLOUDKIT("/database/"), CONTENT("/B/");

        private final String pathPrefix;

        Role(String pathPrefix) {
            this.pathPrefix = pathPrefix;
        }

        /** Whether a host of this role answers this path (the simulator's {@code /_simulator/} hooks: any host). */
        public boolean serves(String path) {
            return path.startsWith("/_simulator/") || (pathPrefix != null && path.startsWith(pathPrefix))
                    || (this == HOME && path.equals("/")); // the web app's page
        }
    }

    /** A served host name: role, and whether it is the {@code .com.cn} twin. */
    public record Host(String name, Role role, boolean china) {
    }

    private static final List<Host> HOSTS;

    static {
        List<Host> hosts = new ArrayList<>();
        for (boolean china : new boolean[] {false, true}) {
            String cn = china ? ".cn" : "";
            hosts.add(new Host("idmsa.apple.com" + cn, Role.IDMSA, china));
            hosts.add(new Host("setup.icloud.com" + cn, Role.SETUP, china));
            hosts.add(new Host("www.icloud.com" + cn, Role.HOME, china));
            hosts.add(new Host(PARTITION + "-ckdatabasews.icloud.com" + cn, Role.CLOUDKIT, china));
            hosts.add(new Host("cvws.icloud-content.com" + cn, Role.CONTENT, china));
        }
        HOSTS = List.copyOf(hosts);
    }

    /** Every host name served, {@code com} first: what a hosts file must map and the certificate must name. */
    public static List<String> names() {
        return HOSTS.stream().map(Host::name).toList();
    }

    /** The served host a {@code Host} header (port allowed) names, if any. */
    public static Optional<Host> lookup(String hostHeader) {
        if (hostHeader == null) {
            return Optional.empty();
        }
        String name = hostHeader.trim().toLowerCase(Locale.ROOT);
        int colon = name.lastIndexOf(':');
        if (colon > 0 && name.indexOf(']') < colon) {
            name = name.substring(0, colon);
        }
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        String wanted = name;
        return HOSTS.stream().filter(h -> h.name().equals(wanted)).findFirst();
    }

    private static boolean china(Request request) {
        return lookup(request.header("Host").orElse(null)).map(Host::china).orElse(false);
    }

    private static String cn(Request request) {
        return china(request) ? ".cn" : "";
    }

    @Override
    public String setupRoot(Request request) {
        return "https://setup.icloud.com" + cn(request);
    }

    @Override
    public String authRoot(Request request) {
        return "https://idmsa.apple.com" + cn(request);
    }

    @Override
    public String serviceUrl(Request request, String service) {
        return "https://" + PARTITION + "-" + service + ".icloud.com" + cn(request) + ":443";
    }

    @Override
    public String contentRoot(Request request) {
        return "https://cvws.icloud-content.com" + cn(request);
    }

    @Override
    public List<String> homeRoots() {
        return List.of("https://www.icloud.com", "https://www.icloud.com.cn");
    }

    @Override
    public CookieScope cookieScope(Request request) {
        Optional<Host> host = lookup(request.header("Host").orElse(null));
        boolean china = host.map(Host::china).orElse(false);
        boolean idmsa = host.map(h -> h.role() == Role.IDMSA).orElse(false);
        return new CookieScope((idmsa ? ".apple.com" : ".icloud.com") + (china ? ".cn" : ""), true);
    }
}

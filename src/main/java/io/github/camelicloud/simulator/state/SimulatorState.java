package io.github.camelicloud.simulator.state;

import io.github.camelicloud.simulator.SimulatorClock;
import io.github.camelicloud.simulator.faults.FaultQueue;
import io.github.camelicloud.simulator.hosts.BaseUrlHosts;
import io.github.camelicloud.simulator.hosts.PublicHosts;
import java.time.Instant;
import java.util.Objects;

/**
 * Everything the handlers share: configuration, clock and the mutable registries. Handlers keep no state
 * of their own, so a later mode (Apple hosts over HTTPS, the photo library) only adds to this holder.
 */
public final class SimulatorState {

    private final SimulatorConfig config;
    private final SimulatorClock clock;
    private final Tokens tokens;
    private final Accounts accounts;
    private final SrpHandshakes handshakes = new SrpHandshakes();
    private final AuthSessions authSessions;
    private final WebSessions webSessions;
    private final TrustGrants trustGrants;
    private final FaultQueue faults = new FaultQueue();
    private volatile String baseUrl;
    private volatile PublicHosts hosts = new BaseUrlHosts(this::baseUrl);

    public SimulatorState(SimulatorConfig config, SimulatorClock clock, Tokens tokens, Accounts accounts) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.authSessions = new AuthSessions(tokens);
        this.webSessions = new WebSessions(tokens);
        this.trustGrants = new TrustGrants(tokens);
    }

    public SimulatorConfig config() {
        return config;
    }

    public SimulatorClock clock() {
        return clock;
    }

    public Instant now() {
        return clock.instant();
    }

    public Tokens tokens() {
        return tokens;
    }

    public Accounts accounts() {
        return accounts;
    }

    public SrpHandshakes handshakes() {
        return handshakes;
    }

    public AuthSessions authSessions() {
        return authSessions;
    }

    public WebSessions webSessions() {
        return webSessions;
    }

    public TrustGrants trustGrants() {
        return trustGrants;
    }

    public FaultQueue faults() {
        return faults;
    }

    /** {@code http://127.0.0.1:PORT} once the server is bound (in Apple-host mode: {@code https://setup.icloud.com}). */
    public String baseUrl() {
        return baseUrl;
    }

    public void baseUrl(String url) {
        this.baseUrl = url;
    }

    /** The URLs handed out and the cookies' Domain/Secure: base-URL mode (default) or Apple's host names. */
    public PublicHosts hosts() {
        return hosts;
    }

    public void hosts(PublicHosts hosts) {
        this.hosts = Objects.requireNonNull(hosts, "hosts");
    }
}

package io.github.camelicloud.simulator.state;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Every trust token issued; they outlive sessions (that is their point). */
public final class TrustGrants {

    private static final String PREFIX = "HSARMTKNSRVXWFla";

    private final Tokens tokens;
    private final Map<String, TrustGrant> byToken = new ConcurrentHashMap<>();

    public TrustGrants(Tokens tokens) {
        this.tokens = tokens;
    }

    public TrustGrant issue(AccountState account, Instant now, Instant expiresAt) {
        TrustGrant grant = new TrustGrant(PREFIX + tokens.base64Url(96), account.email(), now, expiresAt);
        byToken.put(grant.token(), grant);
        return grant;
    }

    /** The grant for {@code token} if it belongs to {@code account} and still runs at {@code now}. */
    public Optional<TrustGrant> valid(String token, AccountState account, Instant now) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        TrustGrant grant = byToken.get(token);
        return grant != null && grant.email().equalsIgnoreCase(account.email()) && grant.validAt(now)
                ? Optional.of(grant) : Optional.empty();
    }

    /** The latest expiry granted to an account, for the state hook. */
    public Optional<Instant> latestExpiry(AccountState account) {
        return byToken.values().stream().filter(g -> g.email().equalsIgnoreCase(account.email()))
                .map(TrustGrant::expiresAt).max(Comparator.naturalOrder());
    }
}

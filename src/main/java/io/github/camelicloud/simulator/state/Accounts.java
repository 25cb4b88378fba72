package io.github.camelicloud.simulator.state;

import io.github.camelicloud.simulator.SimulatorAccount;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The fixed set of accounts, looked up by email case-insensitively (Apple IDs are). */
public final class Accounts {

    private final Map<String, AccountState> byEmail;

    private Accounts(Map<String, AccountState> byEmail) {
        this.byEmail = byEmail;
    }

    public static Accounts create(List<SimulatorAccount> accounts, int srpIterations, SecureRandom random) {
        Map<String, AccountState> byEmail = new LinkedHashMap<>();
        for (SimulatorAccount account : accounts) {
            String key = key(account.email());
            if (byEmail.containsKey(key)) {
                throw new IllegalArgumentException("account defined twice: " + account.email());
            }
            byEmail.put(key, new AccountState(account, AccountIdentity.of(account),
                    SrpCredentials.create(account, srpIterations, random)));
        }
        return new Accounts(byEmail);
    }

    public Optional<AccountState> find(String email) {
        return email == null ? Optional.empty() : Optional.ofNullable(byEmail.get(key(email)));
    }

    public Collection<AccountState> all() {
        return List.copyOf(byEmail.values());
    }

    private static String key(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}

package io.github.camelicloud.simulator;

import io.github.camelicloud.srp.Srp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A fake Apple Account. Flags are normalised: when no sign-in mode (mfa, 2sa, nomfa) is given, {@code mfa}
 * is added; {@code fido} implies {@code mfa}.
 *
 * @param email    the Apple ID; matched case-insensitively
 * @param password the password the SRP verifier is built from (a fake; printed by the CLI on purpose)
 * @param flags    behaviour switches, see {@link AccountFlag}
 * @param trust    how long this account's 2sv/trust lasts, or null for the simulator's {@code --trust-days};
 *                 written {@code trust-days=N} among the flags ({@code me@example.com:pw:mfa,trust-days=3})
 * @param primaryZone the name of the account's primary Photos zone, {@code PrimarySync} unless written
 *                 {@code primary-zone=NAME} among the flags (migrated accounts have {@code PrimarySync1})
 */
public record SimulatorAccount(String email, String password, Set<AccountFlag> flags, Duration trust,
        String primaryZone) {

    private static final String TRUST_DAYS = "trust-days=";
    private static final String PRIMARY_ZONE = "primary-zone=";
    public static final String DEFAULT_PRIMARY_ZONE = "PrimarySync";

    public static final SimulatorAccount DEMO = new SimulatorAccount("demo@example.com", "demo-password", Set.of());

    public SimulatorAccount {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(password, "password");
        if (email.isBlank()) {
            throw new IllegalArgumentException("account email must not be blank");
        }
        EnumSet<AccountFlag> normalised = flags == null || flags.isEmpty() ? EnumSet.noneOf(AccountFlag.class)
                : EnumSet.copyOf(flags);
        List<AccountFlag> modes = normalised.stream().filter(AccountFlag::isSignInMode).collect(Collectors.toList());
        if (modes.size() > 1) {
            throw new IllegalArgumentException("account " + email + " has more than one sign-in mode: " + modes);
        }
        if (normalised.contains(AccountFlag.FIDO) && !modes.isEmpty() && modes.get(0) != AccountFlag.MFA) {
            throw new IllegalArgumentException("account " + email + ": fido needs mfa (HSA2), not " + modes.get(0));
        }
        if (modes.isEmpty()) {
            normalised.add(AccountFlag.MFA);
        }
        flags = Collections.unmodifiableSet(normalised);
        if (trust != null && (trust.isNegative() || trust.isZero())) {
            throw new IllegalArgumentException("account " + email + ": trust-days must be positive, got " + trust);
        }
        primaryZone = primaryZone == null ? DEFAULT_PRIMARY_ZONE : primaryZone;
        if (!primaryZone.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("account " + email + ": primary-zone must be a zone name such as"
                    + " PrimarySync1, got '" + primaryZone + "'");
        }
    }

    /** An account that uses the simulator's trust duration. */
    public SimulatorAccount(String email, String password, Set<AccountFlag> flags) {
        this(email, password, flags, null, null);
    }

    /** An account with its own trust duration (null: the simulator's) and the usual primary zone. */
    public SimulatorAccount(String email, String password, Set<AccountFlag> flags, Duration trust) {
        this(email, password, flags, trust, null);
    }

    /** This account with {@code zone} as the name of its primary Photos zone. */
    public SimulatorAccount withPrimaryZone(String zone) {
        return new SimulatorAccount(email, password, flags, trust, zone);
    }

    /** This account with its own trust duration, in (possibly fractional) days, e.g. to start close to expiry. */
    public SimulatorAccount withTrustDays(double days) {
        if (!(days > 0) || Double.isInfinite(days)) {
            throw new IllegalArgumentException("account " + email + ": trust-days must be positive, got " + days);
        }
        return new SimulatorAccount(email, password, flags,
                Duration.ofMillis(Math.round(days * Duration.ofDays(1).toMillis())), primaryZone);
    }

    /** How long a trust granted to this account lasts: its own duration, else {@code simulatorDefault}. */
    public Duration trustDurationOr(Duration simulatorDefault) {
        return trust != null ? trust : simulatorDefault;
    }

    public static SimulatorAccount of(String email, String password, AccountFlag... flags) {
        return new SimulatorAccount(email, password, flags.length == 0 ? Set.of() : EnumSet.of(flags[0], flags));
    }

    /**
     * Parses {@code EMAIL:PASSWORD[:FLAGS]}, FLAGS comma-separated (known flags, {@code trust-days=N} and
     * {@code primary-zone=NAME}). The password may itself contain colons: the text after the last colon is taken
     * as flags only if every item is a known flag or a {@code key=value} setting.
     */
    public static SimulatorAccount parse(String spec) {
        int first = spec.indexOf(':');
        if (first <= 0 || first == spec.length() - 1) {
            throw new IllegalArgumentException("account must be EMAIL:PASSWORD[:FLAGS], got '" + redact(spec) + "'");
        }
        String email = spec.substring(0, first);
        String rest = spec.substring(first + 1);
        int last = rest.lastIndexOf(':');
        if (last >= 0) {
            String items = rest.substring(last + 1);
            List<AccountFlag> flags = parseFlags(items);
            if (flags != null) {
                SimulatorAccount account = new SimulatorAccount(email, rest.substring(0, last), Set.copyOf(flags),
                        null, setting(items, PRIMARY_ZONE));
                Double trustDays = trustDays(items, email);
                return trustDays == null ? account : account.withTrustDays(trustDays);
            }
        }
        return new SimulatorAccount(email, rest, Set.of());
    }

    /** The sign-in mode: {@link AccountFlag#MFA}, {@link AccountFlag#TWO_SA} or {@link AccountFlag#NO_MFA}. */
    public AccountFlag signInMode() {
        return flags.stream().filter(AccountFlag::isSignInMode).findFirst().orElse(AccountFlag.MFA);
    }

    public boolean has(AccountFlag flag) {
        return flags.contains(flag);
    }

    /**
     * The SRP password protocol signin/init offers this account when the client accepts both. Chosen from
     * a hash of the email so it is stable across runs and different accounts exercise both.
     */
    public Srp.Protocol srpProtocol() {
        return (emailHash()[0] & 1) == 0 ? Srp.Protocol.S2K : Srp.Protocol.S2K_FO;
    }

    /** Whether this account's salt starts with a zero byte (the padding trap of §3.3); also hash-chosen. */
    public boolean zeroLeadingSalt() {
        return (emailHash()[0] & 2) == 0;
    }

    /** Flags in wire spelling, e.g. {@code mfa,adp}, with {@code primary-zone=NAME} when it is not the usual one. */
    public String flagsText() {
        String text = flags.stream().map(AccountFlag::wireName).collect(Collectors.joining(","));
        return primaryZone.equals(DEFAULT_PRIMARY_ZONE) ? text : text + "," + PRIMARY_ZONE + primaryZone;
    }

    byte[] emailHash() {
        return Srp.sha256(email.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "SimulatorAccount[email=" + email + ", password=***, flags=" + flagsText()
                + (trust == null ? "" : ", trust=" + trust) + "]";
    }

    private static List<AccountFlag> parseFlags(String text) {
        List<AccountFlag> flags = new ArrayList<>();
        for (String item : text.split(",")) {
            if (item.isBlank() || item.trim().startsWith(TRUST_DAYS) || item.trim().startsWith(PRIMARY_ZONE)) {
                continue;
            }
            try {
                flags.add(AccountFlag.fromWire(item));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return flags;
    }

    /** The value of a {@code trust-days=N} item, or null when there is none. */
    private static Double trustDays(String items, String email) {
        Double days = null;
        for (String item : items.split(",")) {
            String trimmed = item.trim();
            if (trimmed.startsWith(TRUST_DAYS)) {
                try {
                    days = Double.parseDouble(trimmed.substring(TRUST_DAYS.length()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("account " + email + ": trust-days must be a number of days,"
                            + " got '" + trimmed.substring(TRUST_DAYS.length()) + "'");
                }
            }
        }
        return days;
    }

    /** The value of the last {@code key=value} item, or null. */
    private static String setting(String items, String key) {
        String value = null;
        for (String item : items.split(",")) {
            if (item.trim().startsWith(key)) {
                value = item.trim().substring(key.length());
            }
        }
        return value;
    }

    private static String redact(String spec) {
        int first = spec.indexOf(':');
        return first < 0 ? spec : spec.substring(0, first) + ":***";
    }
}

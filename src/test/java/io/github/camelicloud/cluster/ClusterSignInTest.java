package io.github.camelicloud.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelicloud.app.destination.StateDatabase;
import io.github.camelicloud.client.ICloudClient;
import io.github.camelicloud.client.auth.MfaCodeProvider;
import io.github.camelicloud.client.mfa.MfaState;
import io.github.camelicloud.client.mfa.MfaStateMonitor;
import io.github.camelicloud.client.mfa.NotifiedState;
import io.github.camelicloud.client.session.SessionKey;
import io.github.camelicloud.client.session.StoredCookie;
import io.github.camelicloud.client.session.StoredSession;
import io.github.camelicloud.simulator.ICloudSimulator;
import io.github.camelicloud.testing.PostgresExtension;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the nodes share to sign in, in a real PostgreSQL: the sealed session (round trip, nothing readable at rest, a
 * wrong key or a changed row refused, a stale leader's save fenced), the MFA alert state, the pending codes (used
 * once, expiring), and end to end with the simulator: a code typed on a non-leader reaches the leader, which signs
 * in with MFA, and the account's next leader resumes the session with no code at all.
 */
class ClusterSignInTest {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static final ClusterKey KEY = ClusterKey.parse("q4yUV2tHy0tIrb7+qC2qR2kqsRM6sP5PB8JYbn1jWcY=", "test");
    private static final ClusterKey OTHER = ClusterKey.parse("11".repeat(32), "test");
    private final Shards shards = new Shards(8);
    private final List<String> stopped = new ArrayList<>();

    private ClusterDatabase database() {
        ClusterDatabase db = new ClusterDatabase(new StateDatabase(POSTGRES.jdbcUrl(), Optional.empty(),
                Optional.empty()));
        db.migrate();
        return db;
    }

    private ShardLeadership node(ClusterDatabase db, String name) {
        return new ShardLeadership(db, name, shards, stopped::add);
    }

    private static StoredSession session(String token) {
        return new StoredSession(Map.of(SessionKey.SESSION_TOKEN, token, SessionKey.TRUST_TOKEN, "trust-" + token,
                SessionKey.CLIENT_ID, "client-1"), List.of(new StoredCookie("X-APPLE-WEBAUTH-HSA-TRUST", "cookie-"
                + token, "icloud.com", false, "/", true, true, Long.MAX_VALUE)));
    }

    @Test
    void theSessionIsSealedAtRestOpensOnTheNextLeaderAndAStaleLeadersSaveIsRefused() {
        try (ClusterDatabase a = database(); ClusterDatabase b = database()) {
            String account = "Sealed@Example.com";
            int shard = shards.of(account);
            ShardLeadership nodeA = node(a, "node-a");
            ShardLeadership nodeB = node(b, "node-b");
            nodeA.gained(shard);
            SealedSessionStore storeA = new SealedSessionStore(nodeA, KEY, account);
            storeA.save(session("secret-token-1"));

            byte[] atRest = a.inTransaction(c -> {
                try (var s = c.prepareStatement("SELECT sealed FROM account_session WHERE account = ?")) {
                    s.setString(1, "sealed@example.com");
                    try (var r = s.executeQuery()) {
                        r.next();
                        return r.getBytes(1);
                    }
                }
            });
            assertThat(new String(atRest, StandardCharsets.ISO_8859_1)).doesNotContain("secret-token-1")
                    .doesNotContain("trust-").doesNotContain("cookie-");

            nodeB.gained(shard); // A paused; B leads now and reads A's session
            SealedSessionStore storeB = new SealedSessionStore(nodeB, KEY, account);
            assertThat(storeB.load()).isEqualTo(session("secret-token-1"));
            storeB.save(session("secret-token-2"));
            assertThat(storeA.changedElsewhere()).isTrue();

            assertThatThrownBy(() -> storeA.save(session("stale"))).isInstanceOf(StaleLeaderException.class);
            assertThat(stopped).singleElement().asString().contains("node-a");
            assertThat(storeB.load()).isEqualTo(session("secret-token-2"));
            assertThat(storeB.changedElsewhere()).isFalse();
        }
    }

    @Test
    void aWrongKeyIsRefusedAtStartAndAChangedRowIsDetected() {
        try (ClusterDatabase db = database()) {
            KeyCheck.verify(db, KEY);
            KeyCheck.verify(db, KEY); // the same key again: fine
            assertThatThrownBy(() -> KeyCheck.verify(db, OTHER)).isInstanceOf(ClusterKey.SealedStateException.class)
                    .hasMessageContaining("not the key the cluster's state").hasMessageContaining("key file");

            String account = "tamper@example.com";
            ShardLeadership leader = node(db, "node-t");
            leader.gained(shards.of(account));
            new SealedSessionStore(leader, KEY, account).save(session("t1"));
            assertThatThrownBy(() -> new SealedSessionStore(leader, OTHER, account).load())
                    .isInstanceOf(ClusterKey.SealedStateException.class).hasMessageContaining("does not open");

            db.inTransaction(c -> c.createStatement().executeUpdate("UPDATE account_session SET sealed ="
                    + " overlay(sealed placing '\\x00'::bytea from 20 for 1) WHERE account = '" + account + "'"));
            assertThatThrownBy(() -> new SealedSessionStore(leader, KEY, account).load())
                    .isInstanceOf(ClusterKey.SealedStateException.class).hasMessageContaining("changed in the database");

            // a row copied onto another account does not open there either (the account is sealed in)
            new SealedSessionStore(leader, KEY, account).save(session("t2"));
            String other = "other" + account;
            ShardLeadership otherLeader = node(db, "node-t");
            otherLeader.gained(shards.of(other));
            db.inTransaction(c -> c.createStatement().executeUpdate("INSERT INTO account_session (account, sealed,"
                    + " version, epoch) SELECT '" + other + "', sealed, 1, 1 FROM account_session WHERE account = '"
                    + account + "'"));
            assertThatThrownBy(() -> new SealedSessionStore(otherLeader, KEY, other).load())
                    .isInstanceOf(ClusterKey.SealedStateException.class);
        }
    }

    @Test
    void aCodeIsTakenOnceByTheLeaderAndExpires() {
        try (ClusterDatabase db = database()) {
            String account = "codes@example.com";
            ShardLeadership leader = node(db, "node-l");
            ShardLeadership other = node(db, "node-o");
            leader.gained(shards.of(account));
            PendingMfaCodes atLeader = new PendingMfaCodes(leader, KEY);
            PendingMfaCodes elsewhere = new PendingMfaCodes(other, KEY);

            assertThat(elsewhere.prompt(account)).isEmpty();
            atLeader.ask(account, "code", false);
            assertThat(elsewhere.prompt(account)).hasValueSatisfying(p -> {
                assertThat(p.waiting()).isTrue();
                assertThat(p.node()).isEqualTo("node-l");
            });
            assertThatThrownBy(() -> elsewhere.submit(account, "12345x")).isInstanceOf(IllegalArgumentException.class);
            elsewhere.submit(account, "123456");
            String stored = db.inTransaction(c -> {
                try (var r = c.createStatement().executeQuery("SELECT encode(sealed_code, 'escape') FROM"
                        + " pending_mfa_code")) {
                    r.next();
                    return r.getString(1);
                }
            });
            assertThat(stored).doesNotContain("123456");
            assertThat(atLeader.take(account)).contains("123456");
            assertThat(atLeader.take(account)).as("used once").isEmpty();
            assertThat(elsewhere.prompt(account)).hasValueSatisfying(p -> assertThat(p.waiting()).isFalse());

            elsewhere.submit(account, "654321");
            db.inTransaction(c -> c.createStatement().executeUpdate(
                    "UPDATE pending_mfa_code SET expires_at = clock_timestamp() - interval '1 second'"));
            assertThat(atLeader.take(account)).as("expired").isEmpty();

            assertThatThrownBy(() -> new PendingMfaCodes(other, KEY).take(account))
                    .as("only the leader takes codes").isInstanceOf(StaleLeaderException.class);
        }
    }

    @Test
    void theNextLeaderDoesNotAlertAgainForTheStateItsPredecessorAlerted() {
        try (ClusterDatabase a = database(); ClusterDatabase b = database()) {
            String account = "alerts@example.com";
            ShardLeadership nodeA = node(a, "node-a");
            ShardLeadership nodeB = node(b, "node-b");
            nodeA.gained(shards.of(account));
            MfaStateMonitor monitorB = new MfaStateMonitor(account, Duration.ofDays(7),
                    NotifiedState.in(new SharedAlertState(nodeB, account)), Clock.systemUTC()); // built before
            MfaStateMonitor monitorA = new MfaStateMonitor(account, Duration.ofDays(7),
                    NotifiedState.in(new SharedAlertState(nodeA, account)), Clock.systemUTC());
            assertThat(monitorA.reauthenticationRequired("MFA required")).isPresent();

            nodeA.lost(shards.of(account));
            nodeB.gained(shards.of(account));
            assertThat(monitorB.reauthenticationRequired("MFA required")).as("alerted by node-a already").isEmpty();
            assertThat(monitorB.state()).isEqualTo(MfaState.MFA_REQUIRED);
            assertThat(monitorB.working(Optional.empty())).isEmpty();
            assertThat(new SharedAlertState(nodeB, account).load()).contains(MfaState.OK);
        }
    }

    @Test
    void aCodeTypedOnAnotherNodeSignsTheLeaderInAndTheNextLeaderResumesWithoutACode() throws Exception {
        String user = "mfa-cluster@example.com";
        try (ICloudSimulator apple = ICloudSimulator.builder().srpIterations(1000).assets(2).seed(3)
                .account(user + ":pw-1:mfa").build().start();
                ClusterDatabase a = database(); ClusterDatabase b = database()) {
            ShardLeadership nodeA = node(a, "node-a");
            ShardLeadership nodeB = node(b, "node-b");
            int shard = shards.of(user);
            nodeA.gained(shard);
            ICloudClient leader = client(apple, user, nodeA);

            // node-b's web page: a provider that answers with the code a person would type there
            List<Boolean> asked = new ArrayList<>();
            MfaCodeProvider page = new TypedCode(apple.mfaCode(), asked);
            try (MfaCodeRelay relay = new MfaCodeRelay(new PendingMfaCodes(nodeB, KEY), user, page, () -> { })
                    .start()) {
                CompletableFuture<?> signIn = CompletableFuture.runAsync(leader::signIn);
                signIn.get(60, TimeUnit.SECONDS);
            }
            assertThat(asked).containsExactly(false);
            assertThat(leader.photos().library("PrimarySync").name()).isNotBlank();

            nodeA.lost(shard); // node-a is gone; node-b leads and signs in from the shared session, no code asked
            nodeB.gained(shard);
            ICloudClient next = ICloudClient.builder().username(user).domain(apple.baseUrl())
                    .password(Optional::empty).sessionStore(new SealedSessionStore(nodeB, KEY, user)).build();
            next.signIn(); // MfaCodeProvider.NONE and no password: only a trusted session gets in
            assertThat(next.photos().library("PrimarySync").name()).isNotBlank();
        }
    }

    @Test
    void authOnlyOnAnotherMachineHandsTheCodeToTheLeaderAndReportsItsSignIn() throws Exception {
        String user = "auth-only-cluster@example.com";
        try (ICloudSimulator apple = ICloudSimulator.builder().srpIterations(1000).assets(1).seed(5)
                .account(user + ":pw-1:mfa").build().start(); ClusterDatabase a = database()) {
            ShardLeadership nodeA = node(a, "node-a");
            nodeA.gained(shards.of(user));
            ICloudClient leader = client(apple, user, nodeA);
            CompletableFuture<?> signIn = CompletableFuture.runAsync(leader::signIn);

            ClusterState elsewhere = ClusterState.open(new ClusterSettings("127.0.0.1:2181", "admin-laptop", shards,
                    10_000, new StateDatabase(POSTGRES.jdbcUrl(), Optional.empty(), Optional.empty()), KEY, 0),
                    stopped::add);
            List<Boolean> asked = new ArrayList<>();
            String node = new AuthOnlyAnswer(elsewhere, user, Duration.ofSeconds(90))
                    .run(new TypedCode(apple.mfaCode(), asked));
            assertThat(node).isEqualTo("node-a");
            assertThat(asked).containsExactly(false);
            signIn.get(60, TimeUnit.SECONDS);
            assertThat(elsewhere.sessionVersion(user)).isPositive();
        }
    }

    private ICloudClient client(ICloudSimulator apple, String user, ShardLeadership leadership) {
        ICloudClient.Builder b = ICloudClient.builder().username(user).domain(apple.baseUrl())
                .password(() -> Optional.of("pw-1"));
        ClusterState.share(b, user, leadership, KEY, new PendingMfaCodes(leadership, KEY));
        return b.build();
    }

    /** A web page where a person types the code once. */
    private record TypedCode(String code, List<Boolean> asked) implements MfaCodeProvider {
        @Override
        public Optional<Hsa2Answer> twoFactor(String username, List<io.github.camelicloud.client.auth.TrustedPhone>
                phones, boolean previousCodeWrong) {
            asked.add(previousCodeWrong);
            return Optional.of(new DeviceCode(code));
        }

        @Override
        public Optional<String> smsCode(io.github.camelicloud.client.auth.TrustedPhone phone, boolean wrong) {
            return Optional.empty();
        }

        @Override
        public Optional<io.github.camelicloud.client.auth.TwoStepDevice> chooseTwoStepDevice(String username,
                List<io.github.camelicloud.client.auth.TwoStepDevice> devices) {
            return Optional.empty();
        }

        @Override
        public Optional<String> twoStepCode(io.github.camelicloud.client.auth.TwoStepDevice device, boolean wrong) {
            return Optional.empty();
        }
    }
}

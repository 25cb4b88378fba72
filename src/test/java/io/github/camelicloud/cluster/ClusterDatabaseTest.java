package io.github.camelicloud.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelicloud.app.destination.StateDatabase;
import io.github.camelicloud.sync.HeldFile;
import io.github.camelicloud.sync.SyncTokenStore;
import io.github.camelicloud.testing.PostgresExtension;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The cluster's state in a real PostgreSQL: migrations, epochs, fenced writes, the destinations' records, the sync
 * tokens, the poll gate.
 */
class ClusterDatabaseTest {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private final Shards shards = new Shards(8);

    private ClusterDatabase database() {
        ClusterDatabase db = new ClusterDatabase(new StateDatabase(POSTGRES.jdbcUrl(), Optional.empty(),
                Optional.empty()));
        db.migrate(); // twice or more: a no-op after the first
        return db;
    }

    @Test
    void aNewLeaderFencesTheOldOneWhoseWriteStopsIt() {
        try (ClusterDatabase a = database(); ClusterDatabase b = database()) {
            List<String> stopped = new ArrayList<>();
            ShardLeadership nodeA = new ShardLeadership(a, "node-a", shards, stopped::add);
            ShardLeadership nodeB = new ShardLeadership(b, "node-b", shards, stopped::add);
            String account = "fence@example.com";
            int shard = shards.of(account);
            FencedRecordTable recordA = new FencedRecordTable(nodeA, account, "s3-fence");
            FencedRecordTable recordB = new FencedRecordTable(nodeB, account, "s3-fence");

            nodeA.gained(shard);
            recordA.put(new HeldFile("asset1:original:c1", "2026/01/01/a.jpg", "aa".repeat(32)));
            nodeB.gained(shard); // A was paused: ZooKeeper elected B, which took a new epoch
            recordB.put(new HeldFile("asset2:original:c2", "2026/01/01/b.jpg", "bb".repeat(32)));

            assertThatThrownBy(() -> recordA.put(new HeldFile("asset3:original:c3", "2026/01/01/c.jpg",
                    "cc".repeat(32)))).isInstanceOf(StaleLeaderException.class);
            assertThat(stopped).singleElement().asString().contains("node-a").contains("shard " + shard);

            Map<String, HeldFile> held = new HashMap<>();
            recordB.load(held, new HashSet<>());
            assertThat(held).containsOnlyKeys("2026/01/01/a.jpg", "2026/01/01/b.jpg");
            List<String> writers = b.inTransaction(c -> {
                List<String> w = new ArrayList<>();
                try (var s = c.prepareStatement("SELECT node || ':' || epoch FROM fenced_write WHERE shard = ?"
                        + " ORDER BY id")) {
                    s.setInt(1, shard);
                    try (var r = s.executeQuery()) {
                        while (r.next()) {
                            w.add(r.getString(1));
                        }
                    }
                }
                return w;
            });
            assertThat(writers).containsExactly("node-a:1", "node-b:2");
        }
    }

    @Test
    void aFilesMetadataFingerprintIsKeptWithItsRow() {
        try (ClusterDatabase a = database()) {
            ShardLeadership node = new ShardLeadership(a, "node-a", shards, s -> { });
            String account = "metadata@example.com";
            node.gained(shards.of(account));
            FencedRecordTable record = new FencedRecordTable(node, account, "s3-metadata");
            record.put(new HeldFile("a:original:c1", "IMG_1.JPG", "aa".repeat(32),
                    HeldFile.pendingMetadata("0123456789ab0123456789ab")));
            record.put(new HeldFile("b:original:c2", "IMG_2.JPG", "bb".repeat(32)));
            Map<String, HeldFile> held = new HashMap<>();
            record.load(held, new HashSet<>());
            assertThat(held.get("IMG_1.JPG").metadataPending()).isTrue();
            assertThat(held.get("IMG_2.JPG").metadata()).isNull();

            record.put(held.get("IMG_1.JPG").rewritten("cc".repeat(32), "0123456789ab0123456789ab"));
            held.clear();
            record.load(held, new HashSet<>());
            assertThat(held.get("IMG_1.JPG")).isEqualTo(new HeldFile("a:original:c1", "IMG_1.JPG", "cc".repeat(32),
                    "0123456789ab0123456789ab"));
        }
    }

    @Test
    void aShardHandedBackRefusesLateWritesWithoutStoppingTheNode() {
        try (ClusterDatabase a = database(); ClusterDatabase b = database()) {
            List<String> stopped = new ArrayList<>();
            ShardLeadership nodeA = new ShardLeadership(a, "node-a", shards, stopped::add);
            ShardLeadership nodeB = new ShardLeadership(b, "node-b", shards, stopped::add);
            String account = "handback@example.com";
            int shard = shards.of(account);
            nodeA.gained(shard);
            nodeA.lost(shard);
            nodeB.gained(shard);
            assertThatThrownBy(() -> new FencedRecordTable(nodeA, account, "sftp-x").put(new HeldFile("k", "p.jpg",
                    "dd".repeat(32)))).isInstanceOf(StaleLeaderException.class);
            assertThat(stopped).isEmpty();
            assertThat(nodeA.led()).isEmpty();
            assertThat(nodeB.led()).containsExactly(shard);
        }
    }

    @Test
    void theGateIsOpenOnlyWhileTheNodeLeadsTheAccountsShard() {
        try (ClusterDatabase a = database(); ClusterDatabase b = database()) {
            List<String> stopped = new ArrayList<>();
            ShardLeadership nodeA = new ShardLeadership(a, "node-a", shards, stopped::add);
            ShardLeadership nodeB = new ShardLeadership(b, "node-b", shards, stopped::add);
            String account = "gate@example.com";
            String elsewhere = otherShardThan(account);
            assertThat(nodeA.leads(account)).isFalse();

            nodeA.gained(shards.of(account));
            assertThat(nodeA.leads(account)).isTrue();
            assertThat(nodeA.leads(elsewhere)).isFalse();

            nodeA.lost(shards.of(account)); // ZooKeeper moved the shard: A stops at its next file
            nodeB.gained(shards.of(account));
            assertThat(nodeA.leads(account)).isFalse();
            assertThat(nodeB.leads(account)).isTrue();
            assertThat(stopped).isEmpty();
        }
    }

    @Test
    void aNewLeaderResumesFromTheSyncTokenWhichTheOldOneCanNoLongerMove() throws Exception {
        try (ClusterDatabase a = database(); ClusterDatabase b = database()) {
            List<String> stopped = new ArrayList<>();
            ShardLeadership nodeA = new ShardLeadership(a, "node-a", shards, stopped::add);
            ShardLeadership nodeB = new ShardLeadership(b, "node-b", shards, stopped::add);
            String account = "token@example.com";
            FencedSyncTokens tokensA = new FencedSyncTokens(nodeA, account, "PrimarySync", "s3://bucket/a");
            FencedSyncTokens tokensB = new FencedSyncTokens(nodeB, account, "PrimarySync", "s3://bucket/a");
            var zone = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                    "{\"zoneName\":\"PrimarySync\",\"ownerRecordName\":\"_x\"}");
            assertThat(tokensB.load()).isEmpty();

            nodeA.gained(shards.of(account));
            tokensA.save(new SyncTokenStore.Checkpoint("PrimarySync", zone, false, "token-1"));
            nodeB.gained(shards.of(account)); // A was paused: B took the shard

            SyncTokenStore.Checkpoint resumed = tokensB.load().orElseThrow();
            assertThat(resumed.syncToken()).isEqualTo("token-1");
            assertThat(resumed.zoneId()).isEqualTo(zone);
            assertThat(resumed.shared()).isFalse();
            tokensB.save(new SyncTokenStore.Checkpoint("PrimarySync", zone, false, "token-2"));

            assertThatThrownBy(() -> tokensA.save(new SyncTokenStore.Checkpoint("PrimarySync", zone, false,
                    "stale-token"))).isInstanceOf(StaleLeaderException.class);
            assertThat(stopped).singleElement().asString().contains("node-a");
            assertThat(tokensA.load().orElseThrow().syncToken()).isEqualTo("token-2");
            assertThat(new FencedSyncTokens(nodeB, account, "PrimarySync", "s3://other/").load())
                    .as("another destination's token").isEmpty();

            tokensB.clear();
            assertThat(tokensA.load()).isEmpty();
        }
    }

    private String otherShardThan(String account) {
        for (int i = 0;; i++) {
            if (shards.of("other" + i + "@example.com") != shards.of(account)) {
                return "other" + i + "@example.com";
            }
        }
    }

    @Test
    void shardsAreStableAndSpread() {
        Shards s = new Shards(16);
        assertThat(s.of("Someone@Example.com")).isEqualTo(s.of("someone@example.com "));
        Map<Integer, Integer> counts = new HashMap<>();
        for (int i = 0; i < 1600; i++) {
            counts.merge(s.of("user" + i + "@example.com"), 1, Integer::sum);
        }
        assertThat(counts).hasSize(16);
        assertThat(counts.values()).allSatisfy(n -> assertThat(n).isBetween(50, 150));
    }
}

package io.github.camelicloud.app.destination;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.sync.HeldFile;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A remote destination's record in a shared database (H2 here): each file's metadata fingerprint is kept with it
 * (pending while writing the metadata failed), and a table made before the column existed gets it on first use,
 * its rows read as having no fingerprint.
 */
class JdbcRecordTableTest {

    @TempDir
    Path work;

    @Test
    void aFilesMetadataFingerprintIsKeptAndReplaced() {
        StateDatabase db = new StateDatabase("jdbc:h2:file:" + work.resolve("held"), Optional.empty(), Optional.empty());
        try (JdbcRecordTable table = new JdbcRecordTable(db, "s3-x")) {
            table.load(new HashMap<>(), new HashSet<>());
            table.put(new HeldFile("a:original:c1", "2024/IMG_1.JPG", "aa".repeat(32), "0123456789ab0123456789ab"));
            table.put(new HeldFile("b:original:c2", "2024/IMG_2.JPG", "bb".repeat(32),
                    HeldFile.pendingMetadata("ba9876543210ba9876543210")));
            table.put(new HeldFile("c:original:c3", "2024/IMG_3.JPG", "cc".repeat(32)));
        }
        Map<String, HeldFile> held = load(db, "s3-x");
        assertThat(held.get("2024/IMG_1.JPG").metadata()).isEqualTo("0123456789ab0123456789ab");
        assertThat(held.get("2024/IMG_2.JPG").metadataPending()).isTrue();
        assertThat(held.get("2024/IMG_3.JPG").metadata()).isNull();

        try (JdbcRecordTable table = new JdbcRecordTable(db, "s3-x")) {
            table.load(new HashMap<>(), new HashSet<>());
            table.put(held.get("2024/IMG_2.JPG").rewritten("dd".repeat(32), "ba9876543210ba9876543210"));
        }
        assertThat(load(db, "s3-x").get("2024/IMG_2.JPG")).isEqualTo(new HeldFile("b:original:c2", "2024/IMG_2.JPG",
                "dd".repeat(32), "ba9876543210ba9876543210"));
    }

    @Test
    void aTableFromBeforeGetsTheColumnAndItsRowsNoFingerprint() throws Exception {
        String url = "jdbc:h2:file:" + work.resolve("old");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE CAMEL_ICLOUD_HELD (processorName VARCHAR(255), pathHash CHAR(64), path"
                    + " VARCHAR(1024), deliveryKey VARCHAR(255), sha256 CHAR(64), PRIMARY KEY (processorName,"
                    + " pathHash))");
            s.execute("INSERT INTO CAMEL_ICLOUD_HELD VALUES ('sftp-y', '" + "0".repeat(64) + "', 'IMG_0.JPG',"
                    + " 'z:original:c0', '" + "ee".repeat(32) + "')");
        }
        StateDatabase db = new StateDatabase(url, Optional.empty(), Optional.empty());
        Map<String, HeldFile> held = load(db, "sftp-y");
        assertThat(held.get("IMG_0.JPG")).isEqualTo(new HeldFile("z:original:c0", "IMG_0.JPG", "ee".repeat(32)));
        try (JdbcRecordTable table = new JdbcRecordTable(db, "sftp-y")) {
            table.load(new HashMap<>(), new HashSet<>());
            table.put(new HeldFile("y:original:c9", "IMG_9.JPG", "ff".repeat(32), "ffffffffffffffffffffffff"));
        }
        assertThat(load(db, "sftp-y").get("IMG_9.JPG").metadata()).isEqualTo("ffffffffffffffffffffffff");
    }

    private static Map<String, HeldFile> load(StateDatabase db, String name) {
        Map<String, HeldFile> held = new HashMap<>();
        try (JdbcRecordTable table = new JdbcRecordTable(db, name)) {
            table.load(held, new HashSet<>());
        }
        return held;
    }
}

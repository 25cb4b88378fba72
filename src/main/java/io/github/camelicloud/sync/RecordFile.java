package io.github.camelicloud.sync;

import io.github.camelicloud.client.session.PrivateFolders;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Set;

/**
 * A record as a text file, one change a line, appended and flushed as it happens: {@code KEY TAB PATH TAB SHA256}
 * (the path holds that asset version), {@code KEY TAB PATH TAB SHA256 TAB METADATA} (the same with the fingerprint
 * of the metadata written into it; written only when there is one, so a record without it reads as before), {@code TAB PATH} (the path is gone). A line without a tab is a key of the
 * first format ({@code assetId:version:checksum}, written by camel's FileIdempotentRepository), read as "sent to a
 * path no longer known". Paths never hold tabs or line breaks (file names are cleaned of control characters).
 */
public final class RecordFile implements DestinationRecord.Journal {

    private final Path file;
    private Writer out;

    public RecordFile(Path file) {
        this.file = file;
    }

    /**
     * {@code kind-hash.delivered}: one record per account, library and destination ({@code where}: a folder, a
     * bucket, a server folder), the same name for the CLI and the bundled routes, so they share what was sent.
     */
    public static String name(String kind, String account, String library, String where) {
        byte[] d = Sha256.digest().digest((account + "\n" + library + "\n" + where)
                .getBytes(StandardCharsets.UTF_8));
        return kind + "-" + java.util.HexFormat.of().formatHex(d, 0, 8) + ".delivered";
    }

    @Override
    public synchronized void load(Map<String, HeldFile> held, Set<String> legacyKeys) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length == 1) {
                    legacyKeys.add(line.trim());
                } else if (f[0].isEmpty()) {
                    held.remove(f[1]);
                } else if (f.length == 3 || f.length == 4) {
                    held.values().removeIf(h -> h.key().equals(f[0]));
                    held.put(f[1], new HeldFile(f[0], f[1], f[2].isEmpty() ? null : f[2],
                            f.length == 4 && !f[3].isEmpty() ? f[3] : null));
                }
            }
        }
    }

    @Override
    public synchronized void put(HeldFile h) throws IOException {
        append(h.key() + "\t" + h.path() + "\t" + (h.sha256() == null ? "" : h.sha256())
                + (h.metadata() == null ? "" : "\t" + h.metadata()));
    }

    @Override
    public synchronized void remove(String path) throws IOException {
        append("\t" + path);
    }

    private void append(String line) throws IOException {
        if (out == null) {
            PrivateFolders.ensure(file.toAbsolutePath().getParent());
            PrivateFolders.createFile(file);
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        out.write(line);
        out.write('\n');
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }

    @Override
    public String toString() {
        return "file:" + file;
    }
}

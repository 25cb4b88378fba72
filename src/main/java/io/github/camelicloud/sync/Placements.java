package io.github.camelicloud.sync;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The naming rule every destination applies, so a clash gets the same names everywhere: a file recorded as this
 * asset version's is there; a path recorded as (or handed out in this pass to) another asset's is taken, and the
 * file gets icloudpd's distinct name ({@code IMG-SIZE.JPG}, then {@code IMG-SIZE_id7.JPG}); a file no record
 * explains counts as this asset version's when name and size match (icloudpd's rule, for a destination filled
 * before), and is never overwritten otherwise.
 */
public final class Placements {

    /** What the destination physically holds at a path: its size, empty when absent. */
    @FunctionalInterface
    public interface Sizes {
        OptionalLong size(String path) throws Exception;
    }

    private final DestinationRecord record;
    private final Sizes sizes;
    private final boolean checkRecorded;
    private final boolean dryRun;
    /** Paths handed out in this pass, with the key they were handed to. */
    private final Map<String, String> claimed = new HashMap<>();

    /**
     * @param checkRecorded whether a recorded file is looked for (a folder: cheap, and a user may delete a file);
     *                      a remote record is trusted, so a pass with nothing new costs no request per file
     * @param dryRun        files taken over by name and size are not recorded
     */
    public Placements(DestinationRecord record, Sizes sizes, boolean checkRecorded, boolean dryRun) {
        this.record = record;
        this.dryRun = dryRun;
        this.sizes = sizes;
        this.checkRecorded = checkRecorded;
    }

    public synchronized Placement place(PlannedFile file) throws Exception {
        String key = Delivery.keyOf(file);
        Optional<HeldFile> mine = record.of(key);
        if (mine.isPresent()) {
            String path = mine.get().path();
            if (!mine.get().isStale() && (!checkRecorded || sizes.size(path).isPresent())) {
                return new Placement(path, true);
            }
            claimed.put(path, key); // deleted or changed there since: sent again, under the same name
            return new Placement(path, false);
        }
        long size = file.version().size();
        if (file.label().equals("original")) { // icloudpd's older name for originals
            String old = FileNames.withSuffix(file.relativePath(), "-original");
            if (owner(old) == null && sizes.size(old).orElse(-1) == size) {
                return adopt(key, old);
            }
        }
        Optional<String> copyOf = copySource(key);
        for (String candidate : candidates(file)) {
            String owner = owner(candidate);
            if (owner != null) {
                continue; // another asset's file
            }
            OptionalLong there = sizes.size(candidate);
            if (there.isEmpty()) {
                claimed.put(candidate, key);
                return new Placement(candidate, false, copyOf);
            }
            if (there.getAsLong() == size) {
                return adopt(key, candidate);
            }
        }
        throw new IllegalStateException("No free name for " + file.relativePath()); // candidates() never ends
    }

    /** Where the destination holds this content already (another album's copy), still there. */
    private Optional<String> copySource(String key) throws Exception {
        if (!Delivery.placed(key)) {
            return Optional.empty();
        }
        Optional<HeldFile> same = record.sameContent(key);
        if (same.isEmpty() || checkRecorded && sizes.size(same.get().path()).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(same.get().path());
    }

    private Placement adopt(String key, String path) {
        if (!dryRun) {
            record.put(new HeldFile(key, path, null)); // explained from now on, though not verifiable
        }
        return new Placement(path, true);
    }

    private String owner(String path) {
        String owner = claimed.get(path);
        return owner != null ? owner : record.at(path).map(HeldFile::key).orElse(null);
    }

    /** The planned name, icloudpd's {@code -SIZE} name, then names with the asset's id7 (and a counter). */
    private static Iterable<String> candidates(PlannedFile file) {
        String planned = file.relativePath();
        String sized = FileNames.withSuffix(planned, "-" + file.version().size());
        return () -> new java.util.Iterator<>() {
            int n;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public String next() {
                n++;
                if (n <= 2) {
                    return n == 1 ? planned : sized;
                }
                String withId = FileNames.withId7(sized, file.asset());
                return n == 3 ? withId : FileNames.withSuffix(withId, "-" + (n - 2));
            }
        };
    }

    public synchronized void passEnded() {
        claimed.clear();
    }

    public DestinationRecord record() {
        return record;
    }
}

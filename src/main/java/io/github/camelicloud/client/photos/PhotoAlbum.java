package io.github.camelicloud.client.photos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelicloud.client.ICloudException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A listable collection of a library: the whole library, a smart folder or a user album. Listing is
 * lazy, page by page by {@code startRank}, newest first, until a page holds no asset — counts are
 * never trusted to end it (icloud-protocol.md §6.5, §13 3.2).
 */
public final class PhotoAlbum {

    private static final Logger LOG = LoggerFactory.getLogger(PhotoAlbum.class);
    /** Apple answers at most 200 records (100 master/asset pairs) per page whatever is asked. */
    public static final int PAGE_SIZE = 100;
    /** Pages asked for ahead of the one being read (rclone runs 8 partitions at once; 4 fills a WAN round trip). */
    public static final int DEFAULT_PAGES_AHEAD = 4;
    /** Threads for pages asked for ahead; idle ones end, so a listing left unfinished holds none. */
    private static final ExecutorService LISTING = listingThreads();

    private final PhotoLibrary library;
    private final String name;
    private final AlbumKind kind;
    private final String listType;
    private final String objType;
    private final List<ObjectNode> filters;
    private final Optional<String> folder;
    private final String id;
    private final List<String> path;

    PhotoAlbum(PhotoLibrary library, String name, AlbumKind kind, String listType, String objType,
            List<ObjectNode> filters, Optional<String> folder) {
        this(library, name, kind, listType, objType, filters, folder, name, List.of(name));
    }

    PhotoAlbum(PhotoLibrary library, String name, AlbumKind kind, String listType, String objType,
            List<ObjectNode> filters, Optional<String> folder, String id, List<String> path) {
        this.id = id;
        this.path = List.copyOf(path);
        this.library = library;
        this.name = name;
        this.kind = kind;
        this.listType = listType;
        this.objType = objType;
        this.filters = List.copyOf(filters);
        this.folder = folder;
    }

    public String name() {
        return name;
    }

    /** The album's record name for a user album; its name otherwise. */
    public String id() {
        return id;
    }

    /** The enclosing folders' names, outermost first, then the album's (as Apple sent them: untrusted). */
    public List<String> path() {
        return path;
    }

    public AlbumKind kind() {
        return kind;
    }

    /** For a user album inside a folder: the folder's name. */
    public Optional<String> folder() {
        return folder;
    }

    public PhotoLibrary library() {
        return library;
    }

    /** Apple's item count, for progress only; -1 when Apple does not say. */
    public long count() {
        try {
            JsonNode answer = library.database().post("internal/records/query/batch",
                    PhotoQueries.count(objType, library.zoneId()));
            JsonNode count = answer.path("batch").path(0).path("records").path(0).path("fields").path("itemCount")
                    .path("value");
            return count.isNumber() ? count.asLong() : -1;
        } catch (ICloudException e) {
            LOG.debug("No count for {} ({})", name, e.getMessage());
            return -1;
        }
    }

    /** One page of assets from {@code startRank} (ranks count assets; rank 0 is the newest). */
    public List<Asset> page(int startRank, int pageSize) {
        JsonNode answer = library.database().post("records/query",
                PhotoQueries.listPage(listType, filters, startRank, "ASCENDING", pageSize, library.zoneId()));
        return pair(answer.path("records"));
    }

    /** Every asset, newest first, fetched lazily a page at a time. */
    public Cursor assets() {
        return new Cursor(0, -1);
    }

    /**
     * Every asset, newest first, with up to {@code ahead} pages asked for while one is read.
     *
     * @param expected the assets the album holds as far as known ({@link #count()}), or -1: no page past it is asked
     *                 for ahead, and none at all while unknown (two queries that differ only in their body, sent at
     *                 once, arrive in either order: a server or a replay that answers in order must see one at a time)
     */
    public Cursor assets(int ahead, long expected) {
        return new Cursor(expected < 0 ? 0 : Math.max(0, ahead), expected < 0 ? Long.MAX_VALUE : expected);
    }

    public Stream<Asset> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(assets(),
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** Pairs each master with its asset; a master whose asset is missing is skipped with a warning. */
    private List<Asset> pair(JsonNode records) {
        Map<String, JsonNode> assetsByMaster = new HashMap<>();
        List<JsonNode> masters = new ArrayList<>();
        for (JsonNode r : records) {
            String type = r.path("recordType").asText();
            if (type.equals("CPLMaster")) {
                masters.add(r);
            } else if (type.equals("CPLAsset")) {
                assetsByMaster.put(r.path("fields").path("masterRef").path("value").path("recordName").asText(), r);
            }
        }
        List<Asset> result = new ArrayList<>(masters.size());
        for (JsonNode master : masters) {
            JsonNode asset = assetsByMaster.get(master.path("recordName").asText());
            if (asset == null) {
                LOG.warn("iCloud listed the photo {} without its asset record; skipping it",
                        master.path("recordName").asText());
                continue;
            }
            result.add(AssetParser.parse(master, asset, library.name()));
        }
        return result;
    }

    @Override
    public String toString() {
        return name;
    }

    private static ExecutorService listingThreads() {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 10, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "icloud-listing-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Iterates over the album, newest first: each asset once, in rank order. {@link #removedFromAlbum()} tells it
     * an asset just returned left the index (moved to Recently Deleted), so the next page starts one rank lower
     * and nothing is skipped.
     *
     * <p>With pages ahead, the pages after the current one are asked for at once, each by its rank as rclone does
     * (icloud-protocol.md §13 3.4): a listing then costs about one round trip per {@code 1 + ahead} pages instead of
     * one per page. Ranks are a guess until the page before has answered: a short page (CloudKit sends partial
     * batches, §13 3.2) or a deletion moves them, and the pages asked for at the wrong ranks are dropped and asked
     * again. Beyond the album's count only the next page is asked for, since counts are not trusted to end the
     * listing (an empty page ends it). A photo added meanwhile shifts later ranks by one, so a page's assets that
     * the page before already returned are not returned twice, and a page whose sync token differs from the page
     * before's is asked again (it may have been answered before the change, the page before after it). A page that
     * fails fails the iteration (the HTTP layer already retried it).
     */
    public final class Cursor implements Iterator<Asset> {
        private final int ahead;
        private final long expected;
        private final Deque<Pending> asked = new ArrayDeque<>();
        private int rank;
        private Iterator<Asset> page = List.<Asset>of().iterator();
        private Set<String> previousPage = Set.of();
        private boolean exhausted;
        private String syncToken;
        private String previousToken = "";

        private Cursor(int ahead, long expected) {
            this.ahead = ahead;
            this.expected = expected;
        }

        /**
         * The library's sync token as the first page reported it: the changes feed from this token holds
         * everything that changed since the listing began (changes made during it come again: harmless).
         */
        public Optional<String> syncToken() {
            return Optional.ofNullable(syncToken);
        }

        @Override
        public boolean hasNext() {
            while (!page.hasNext() && !exhausted) {
                List<Asset> next = fetch();
                if (exhausted) {
                    dropAsked();
                } else {
                    page = next.iterator();
                }
            }
            return page.hasNext();
        }

        @Override
        public Asset next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return page.next();
        }

        public void removedFromAlbum() {
            rank--;
        }

        /** The next page's usable assets; sets {@code exhausted} at a page with no asset. */
        private List<Asset> fetch() {
            while (true) {
                JsonNode answer = answerAt(rank);
                if (syncToken == null && answer.path("syncToken").isTextual()
                        && !answer.path("syncToken").asText().isEmpty()) {
                    syncToken = answer.path("syncToken").asText();
                }
                JsonNode records = answer.path("records");
                int masters = 0;
                for (JsonNode r : records) {
                    if (r.path("recordType").asText().equals("CPLMaster")) {
                        masters++;
                    }
                }
                rank += masters;
                if (masters == 0) {
                    exhausted = true;
                    return List.of();
                }
                Set<String> before = previousPage;
                List<Asset> assets = pair(records);
                previousPage = assets.stream().map(Asset::id).collect(Collectors.toUnmodifiableSet());
                assets = assets.stream().filter(a -> !before.contains(a.id())).toList();
                if (!assets.isEmpty()) {
                    return assets;
                } // a page of unusable pairs, or of assets already returned: go on to the next
            }
        }

        /** The answer for {@code startRank}, from the pages asked for ahead when they were asked at that rank. */
        private JsonNode answerAt(int startRank) {
            if (ahead == 0) {
                return query(startRank);
            }
            if (!asked.isEmpty() && asked.peek().rank != startRank) {
                dropAsked(); // a short page or a deletion moved the ranks
            }
            int next = asked.isEmpty() ? startRank : asked.peekLast().rank + PAGE_SIZE;
            while (asked.size() <= ahead && (asked.isEmpty() || next < expected)) {
                int at = next;
                asked.add(new Pending(at, CompletableFuture.supplyAsync(() -> query(at), LISTING)));
                next += PAGE_SIZE;
            }
            JsonNode answer;
            try {
                answer = asked.poll().answer.join();
            } catch (CompletionException e) {
                dropAsked();
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
            String token = answer.path("syncToken").asText("");
            if (!token.isEmpty() && !previousToken.isEmpty() && !token.equals(previousToken)) {
                // The library changed between this page and the one before, and pages asked at once are answered
                // in any order: one answered before a photo was added misses the asset the addition pushed onto
                // the page before it. Asked again now, it sees at least the state the page before saw.
                dropAsked();
                answer = query(startRank);
                token = answer.path("syncToken").asText("");
            }
            previousToken = token;
            return answer;
        }

        /**
         * Drops the pages asked for ahead. They are running already (the pool starts each at once), so they are let
         * finish, outcomes ignored: the listing leaves no request in flight behind it (one that still stores the
         * session's cookies after its caller moved on, or after a test removed their folder).
         */
        private void dropAsked() {
            asked.forEach(p -> p.answer.handle((answer, error) -> null).join());
            asked.clear();
        }

        private JsonNode query(int startRank) {
            return library.database().post("records/query",
                    PhotoQueries.listPage(listType, filters, startRank, "ASCENDING", PAGE_SIZE, library.zoneId()));
        }
    }

    private record Pending(int rank, CompletableFuture<JsonNode> answer) {
    }
}

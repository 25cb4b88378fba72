package io.github.camelicloud.simulator.library;

import io.github.camelicloud.simulator.media.Capture;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A Shared Album (shared stream): owned by the account or subscribed to, its photos and videos each added by a
 * contributor, with comments (which a downloader ignores). Served by the {@code sharedstreams} web service, not
 * CloudKit; its files download like the library's.
 */
public record SharedStream(String guid, String name, boolean owned, String ownerName, Instant created,
        List<Member> members) {

    /** One photo or video of the album, who added it and what was said about it. */
    public record Member(Asset asset, String contributor, List<String> comments) {
    }

    /** What every generated library shares: an album the account owns and one it subscribes to, with a video. */
    static List<SharedStream> generated(long seed) {
        Instant may = Instant.parse("2024-05-04T10:00:00Z");
        Random random = new Random(seed ^ 0x5EA5EDL);
        List<SharedStream> streams = new ArrayList<>();
        streams.add(new SharedStream(Checksums.uuid(random), "Family Moments", true, "Me", may, List.of(
                member(seed, 1, "PARK.JPG", UtiTypes.JPEG, 24_000, may.plusSeconds(60), "Me", random, "So green!"),
                member(seed, 2, "CAKE.JPG", UtiTypes.JPEG, 21_000, may.plusSeconds(120), "Anna Example", random),
                member(seed, 3, "CANDLES.MOV", UtiTypes.QUICKTIME, 30_000, may.plusSeconds(180), "Anna Example",
                        random))));
        Instant june = Instant.parse("2024-06-10T09:00:00Z");
        streams.add(new SharedStream(Checksums.uuid(random), "Ski Trip", false, "Kim Doe", june, List.of(
                member(seed, 4, "SLOPE.JPG", UtiTypes.JPEG, 26_000, june.plusSeconds(60), "Kim Doe", random, "Wow"),
                member(seed, 5, "LIFT.JPG", UtiTypes.JPEG, 22_000, june.plusSeconds(90), "Lee Roe", random))));
        return List.copyOf(streams);
    }

    private static Member member(long seed, int n, String fileName, String itemType, long size, Instant date,
            String contributor, Random random, String... comments) {
        return member("sharedstream|" + seed + "|" + n, "ss" + n, fileName, itemType, size, date, date, contributor,
                random, comments);
    }

    /**
     * A photo or video {@code contributor} added at {@code added}, its bytes made from {@code key} (so distinct
     * keys give distinct files, same-named ones included).
     */
    static Member member(String key, String tag, String fileName, String itemType, long size, Instant date,
            Instant added, String contributor, Random random, String... comments) {
        boolean movie = UtiTypes.isMovie(itemType);
        Capture capture = new Capture(date, 0, movie ? null : "Apple", movie ? null : "iPhone 15 Pro");
        AssetVersion original = VersionFactory.generated(key, "resOriginal", itemType, size, movie ? 1920 : 640,
                movie ? 1080 : 480, capture, movie ? 10_000 : 0);
        Map<String, AssetVersion> versions = new LinkedHashMap<>(Map.of("resOriginal", original));
        Traits traits = new Traits(itemType, 0, 0, 0, null, 0, movie ? 10_000 : 0, random.nextLong());
        Asset asset = new Asset(original.fileChecksum(), Checksums.uuid(random), FileName.encrypted(fileName),
                traits, date, added, 0, Status.visible(false), Map.copyOf(versions), Map.of(), null, 0, null,
                tag, tag, added, added, null);
        return new Member(asset, contributor, List.of(comments));
    }

    /** The album with one more photo or video, added last. */
    SharedStream with(Member member) {
        List<Member> more = new ArrayList<>(members);
        more.add(member);
        return new SharedStream(guid, name, owned, ownerName, created, List.copyOf(more));
    }
}

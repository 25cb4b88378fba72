package io.github.camelicloud.simulator.library;

import io.github.camelicloud.simulator.media.Capture;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Builds an account's library from a seed alone (java.util.Random's algorithm is fixed by its spec, so the
 * same seed gives the same library on every JVM). Dates count back from a fixed instant, never from "now".
 * The first fourteen draws take every kind once and the next seven force each special case (hidden, deleted,
 * no name, STRING name, non-Latin name, favourite, edited), so even small libraries cover everything.
 */
final class LibraryGenerator {

    /** The newest generated asset was taken just before this. */
    static final Instant ANCHOR = Instant.parse("2025-06-30T17:45:12.345Z");
    private static final int[] OFFSETS = {25200, 3600, 7200, 0, -18000, -25200, 19800, 32400, 36000, -10800, 20700,
        -14400, 28800};
    private static final String[] NON_LATIN = {"IMG_中文_%04d", "Фото_%04d", "写真_%04d", "Jo\u0308rg_%04d", "café_%04d",
        "📷 %04d"};

    private static final int MAX_ALBUM_SIZE = 2_000;

    /** What a plan step makes; weights are percentages of the library. */
    enum Kind {
        JPEG(32), HEIC(16), LIVE(15), SCREENSHOT(6), PNG(3), VIDEO(8), SLOMO(2), TIMELAPSE(2), PANORAMA(3),
        BURST(2), RAW_JPEG(4), DNG(2), PORTRAIT(4), LONG_EXPOSURE(1);

        final int weight;

        Kind(int weight) {
            this.weight = weight;
        }

        boolean editable() {
            return this == JPEG || this == HEIC || this == PNG || this == RAW_JPEG || this == DNG
                    || this == PANORAMA || this == SCREENSHOT;
        }
    }

    /** Special cases forced once each right after the kinds. */
    private enum Forced {
        HIDDEN, DELETED, NO_NAME, STRING_NAME, NON_LATIN, FAVORITE, EDITED
    }

    /** Per-step decisions taken before building the assets of the step. */
    private record Flags(boolean favorite, boolean hidden, boolean deleted, int naming, boolean edited) {
        static final int NAME_NORMAL = 0;
        static final int NAME_NONE = 1;
        static final int NAME_STRING = 2;
        static final int NAME_NON_LATIN = 3;
    }

    private final String account;
    private final String owner;
    private final String primaryZone;
    private final LibraryOptions options;
    private final long accountSeed;
    private final Random random;
    private final DownloadIndex downloads;
    private int assetIndex;
    private int nameCounter;

    LibraryGenerator(String account, PhotoLibraries.Owner owner, LibraryOptions options, long accountSeed,
            DownloadIndex downloads) {
        this.account = account;
        this.owner = owner.recordName();
        this.primaryZone = owner.primaryZone();
        this.options = options;
        this.accountSeed = accountSeed;
        this.random = new Random(accountSeed);
        this.downloads = downloads;
    }

    PhotoLibrary generate() {
        LibraryZone primary = new LibraryZone(Scope.PRIVATE, primaryZone, owner,
                Checksums.deviceId(account + "/primary"));
        if (options.libraryDir() != null) {
            FolderLibrary.fill(primary, options.libraryDir(), accountSeed);
        } else {
            generateAssets(primary);
            generateAlbums(primary);
        }
        LibraryZone shared = generateShared();
        return new PhotoLibrary(account, accountSeed, List.of(primary, shared), downloads);
    }

    private void generateAssets(LibraryZone primary) {
        int count = options.assets();
        nameCounter = 100 + random.nextInt(5000) + count;
        Instant date = ANCHOR;
        Duration meanGap = Duration.ofSeconds(Math.max(10, Math.min(Duration.ofDays(2).toSeconds(),
                Duration.ofDays(4 * 365).toSeconds() / Math.max(1, count))));
        int offset = OFFSETS[0];
        Kind[] first = Kind.values();
        int step = 0;
        while (assetIndex < count) {
            if (step % 20 == 0) {
                offset = OFFSETS[random.nextInt(OFFSETS.length)];
            }
            Kind kind = step < first.length ? first[step] : pick();
            Flags flags = flags(step, first.length, kind);
            int frames = kind == Kind.BURST ? Math.min(3 + random.nextInt(3), count - assetIndex) : 1;
            String burstId = kind == Kind.BURST ? Checksums.uuid(random) : null;
            for (int frame = 0; frame < frames; frame++) {
                primary.put(build(primary, kind, flags, date, offset, burstId, frame));
                date = date.minusMillis(kind == Kind.BURST ? 150 + random.nextInt(300) : 0);
            }
            date = date.minusMillis(Math.max(1000, (long) (meanGap.toMillis() * (0.05 + 1.9 * random.nextDouble()))));
            step++;
        }
    }

    private Kind pick() {
        int roll = random.nextInt(100);
        for (Kind kind : Kind.values()) {
            roll -= kind.weight;
            if (roll < 0) {
                return kind;
            }
        }
        return Kind.JPEG;
    }

    private Flags flags(int step, int kinds, Kind kind) {
        if (step < kinds) {
            return new Flags(false, false, false, Flags.NAME_NORMAL, false);
        }
        Forced forced = step - kinds < Forced.values().length ? Forced.values()[step - kinds] : null;
        double roll = random.nextDouble();
        boolean hidden = forced == Forced.HIDDEN || (forced == null && roll < 0.03);
        boolean deleted = forced == Forced.DELETED || (forced == null && roll >= 0.03 && roll < 0.07);
        boolean favorite = forced == Forced.FAVORITE || (forced == null && random.nextDouble() < 0.10);
        double nameRoll = random.nextDouble();
        int naming = forced == Forced.NO_NAME ? Flags.NAME_NONE
                : forced == Forced.STRING_NAME ? Flags.NAME_STRING
                        : forced == Forced.NON_LATIN ? Flags.NAME_NON_LATIN
                                : forced != null || nameRoll >= 0.09 ? Flags.NAME_NORMAL
                                        : nameRoll < 0.02 ? Flags.NAME_NONE
                                                : nameRoll < 0.05 ? Flags.NAME_STRING : Flags.NAME_NON_LATIN;
        boolean edited = kind.editable() && (forced == Forced.EDITED || (forced == null && random.nextDouble() < 0.10));
        return new Flags(favorite, hidden, deleted, naming, edited);
    }

    private Asset build(LibraryZone zone, Kind kind, Flags flags, Instant assetDate, int offset, String burstId,
            int frame) {
        int index = assetIndex++;
        String keyBase = "gen|" + accountSeed + "|" + index + "|";
        Capture phone = new Capture(assetDate, offset, "Apple", "iPhone 15 Pro");
        Map<String, AssetVersion> master = new LinkedHashMap<>();
        Map<String, AssetVersion> asset = new LinkedHashMap<>();
        boolean portraitFrame = random.nextBoolean();
        // Small real pictures (the size comes from padding): encoding dominates the cost of a manifest.
        int width = portraitFrame ? 384 : 512;
        int height = portraitFrame ? 512 : 384;
        int subtype = 0;
        int subtypeV2 = 0;
        int renderType = 0;
        long duration = 0;
        String itemType;
        String extension;
        String adjustmentType = null;
        switch (kind) {
            case VIDEO, SLOMO, TIMELAPSE -> {
                itemType = UtiTypes.QUICKTIME;
                extension = "MOV";
                subtype = kind == Kind.SLOMO ? Traits.SUBTYPE_SLOMO
                        : kind == Kind.TIMELAPSE ? Traits.SUBTYPE_TIMELAPSE : 0;
                long size = options.videoSize() > 0 ? options.videoSize() : between(3_000_000, 20_000_000);
                duration = Math.max(1000, size / 1_500);
                boolean uhd = random.nextInt(5) == 0;
                Capture movie = new Capture(assetDate, offset, null, null);
                master.put("resOriginal", VersionFactory.generated(keyBase + "resOriginal", "resOriginal", itemType,
                        size, uhd ? 3840 : 1920, uhd ? 2160 : 1080, movie, duration));
                master.put("resVidMed", VersionFactory.generated(keyBase + "resVidMed", "resVidMed", UtiTypes.MPEG4,
                        Math.max(200_000, size / 5), 1280, 720, movie, duration));
                master.put("resVidSmall", VersionFactory.generated(keyBase + "resVidSmall", "resVidSmall",
                        UtiTypes.MPEG4, Math.max(100_000, size / 20), 640, 360, movie, duration));
                master.put("resJPEGMed", jpeg(keyBase, "resJPEGMed", between(150_000, 400_000), 320, 180, phone));
                master.put("resJPEGThumb", jpeg(keyBase, "resJPEGThumb", between(20_000, 60_000), 160, 90, phone));
            }
            default -> {
                if (kind == Kind.PANORAMA) {
                    width = 1024;
                    height = 256;
                    subtype = Traits.SUBTYPE_PANORAMA;
                } else if (kind == Kind.SCREENSHOT) {
                    width = 296;
                    height = 640;
                    subtypeV2 = Traits.V2_SCREENSHOT;
                }
                boolean heic = kind == Kind.HEIC || kind == Kind.PORTRAIT
                        || ((kind == Kind.LIVE || kind == Kind.LONG_EXPOSURE) && random.nextInt(10) < 7);
                switch (kind) {
                    case SCREENSHOT, PNG -> {
                        itemType = UtiTypes.PNG;
                        extension = "PNG";
                        Capture screen = kind == Kind.SCREENSHOT ? new Capture(assetDate, offset, null, null) : phone;
                        master.put("resOriginal", VersionFactory.generated(keyBase + "resOriginal", "resOriginal",
                                itemType, kind == Kind.SCREENSHOT ? between(300_000, 1_500_000)
                                        : between(200_000, 2_000_000), width, height, screen, 0));
                    }
                    case RAW_JPEG -> {
                        itemType = UtiTypes.CR2;
                        extension = "CR2";
                        Capture canon = new Capture(assetDate, offset, "Canon", "Canon EOS R6");
                        master.put("resOriginal", VersionFactory.generated(keyBase + "resOriginal", "resOriginal",
                                itemType, between(6_000_000, 12_000_000), 5472, 3648, canon, 0));
                        master.put("resOriginalAlt", VersionFactory.generated(keyBase + "resOriginalAlt",
                                "resOriginalAlt", UtiTypes.JPEG, between(1_000_000, 3_000_000), width, height, canon,
                                0));
                    }
                    case DNG -> {
                        itemType = UtiTypes.DNG;
                        extension = "DNG";
                        master.put("resOriginal", VersionFactory.generated(keyBase + "resOriginal", "resOriginal",
                                itemType, between(8_000_000, 16_000_000), 4032, 3024,
                                new Capture(assetDate, offset, "Apple", "iPhone 15 Pro Max"), 0));
                    }
                    default -> {
                        itemType = heic ? UtiTypes.HEIC : UtiTypes.JPEG;
                        extension = heic ? "HEIC" : "JPG";
                        master.put("resOriginal", VersionFactory.generated(keyBase + "resOriginal", "resOriginal",
                                itemType, heic ? between(600_000, 3_000_000) : between(200_000, 3_000_000), width,
                                height, phone, 0));
                    }
                }
                master.put("resJPEGMed", jpeg(keyBase, "resJPEGMed", between(100_000, 400_000), width / 2,
                        height / 2, phone));
                master.put("resJPEGThumb", jpeg(keyBase, "resJPEGThumb", between(20_000, 70_000), width / 4,
                        height / 4, phone));
                if (kind == Kind.LIVE || kind == Kind.LONG_EXPOSURE) {
                    subtypeV2 = Traits.V2_LIVE;
                    duration = 1500 + random.nextInt(1500);
                    Capture motion = new Capture(assetDate, offset, "Apple", "iPhone 15 Pro");
                    master.put("resOriginalVidCompl", VersionFactory.generated(keyBase + "resOriginalVidCompl",
                            "resOriginalVidCompl", UtiTypes.QUICKTIME, between(1_200_000, 4_000_000), 1440, 1080,
                            motion, duration));
                    master.put("resVidMed", VersionFactory.generated(keyBase + "resVidMed", "resVidMed",
                            UtiTypes.QUICKTIME, between(400_000, 1_600_000), 960, 720, motion, duration));
                    master.put("resVidSmall", VersionFactory.generated(keyBase + "resVidSmall", "resVidSmall",
                            UtiTypes.QUICKTIME, between(150_000, 500_000), 480, 360, motion, duration));
                }
                if (kind == Kind.PORTRAIT || kind == Kind.LONG_EXPOSURE || flags.edited()
                        || (kind == Kind.SCREENSHOT && random.nextBoolean())) {
                    renderType = kind == Kind.PORTRAIT ? 2 : kind == Kind.LONG_EXPOSURE ? 4 : 0;
                    adjustmentType = kind == Kind.SCREENSHOT ? "ScreenshotServices"
                            : kind == Kind.PORTRAIT ? "com.apple.camera" : "com.apple.photo";
                    asset.put("resJPEGFull", jpeg(keyBase, "resJPEGFull", between(400_000, 2_500_000), width, height,
                            phone));
                    asset.put("resJPEGThumb", jpeg(keyBase + "edit|", "resJPEGThumb", between(20_000, 70_000),
                            width / 4, height / 4, phone));
                }
            }
        }
        int number = nameCounter-- % 10_000;
        FileName fileName = fileName(flags, extension, number, assetDate, offset, itemType);
        Instant added = addedDate(assetDate);
        Instant deletedAt = ANCHOR.minus(Duration.ofMinutes(random.nextInt(29 * 24 * 60)));
        if (deletedAt.isBefore(added)) {
            deletedAt = added.plusSeconds(60);
        }
        Status status = new Status(flags.favorite(), flags.hidden(), flags.deleted() ? 1 : null,
                flags.deleted() ? deletedAt : null);
        Location location = random.nextInt(10) < 7 ? new Location(-60 + random.nextDouble() * 130,
                -180 + random.nextDouble() * 360, random.nextDouble() * 800) : null;
        Traits traits = new Traits(itemType, subtype, subtypeV2, renderType, burstId,
                burstId != null && frame == 0 ? 1 : 0, duration, random.nextLong());
        Instant created = added.plusMillis(500 + random.nextInt(30_000));
        AssetVersion original = master.get("resOriginal");
        return new Asset(original.fileChecksum(), Checksums.uuid(random), fileName, traits, assetDate, added, offset,
                status, master, asset, adjustmentType, 0, location, zone.nextTag(), zone.nextTag(), created,
                created, null, Annotations.generated(original.fileChecksum().hashCode()));
    }

    private AssetVersion jpeg(String keyBase, String prefix, long size, int width, int height, Capture capture) {
        return VersionFactory.generated(keyBase + prefix, prefix, UtiTypes.JPEG, size, Math.max(16, width),
                Math.max(16, height), capture, 0);
    }

    private FileName fileName(Flags flags, String extension, int number, Instant date, int offset, String itemType) {
        String name;
        if (flags.naming() == Flags.NAME_NONE) {
            return null;
        } else if (flags.naming() == Flags.NAME_NON_LATIN) {
            name = String.format(Locale.ROOT, NON_LATIN[random.nextInt(NON_LATIN.length)], number) + "." + extension;
        } else if (UtiTypes.JPEG.equals(itemType) && random.nextInt(10) == 0) {
            // Messaging apps' names: lower-case extension, date inside.
            name = "IMG-" + DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT)
                    .format(LocalDateTime.ofInstant(date, ZoneOffset.ofTotalSeconds(offset)))
                    + String.format(Locale.ROOT, "-WA%04d.jpg", number % 1000);
        } else {
            name = String.format(Locale.ROOT, "IMG_%04d.%s", number, extension);
        }
        return new FileName(name, flags.naming() == Flags.NAME_STRING ? FileName.Encoding.STRING
                : FileName.Encoding.ENCRYPTED_BYTES);
    }

    private Instant addedDate(Instant assetDate) {
        int roll = random.nextInt(100);
        if (roll < 70) {
            return assetDate.plusMillis(200 + random.nextInt(5000));
        } else if (roll < 95) {
            return assetDate.plusSeconds(60 + random.nextInt(3 * 24 * 3600));
        }
        return assetDate.plus(Duration.ofDays(30 + random.nextInt(300)));
    }

    /** Log-uniform between lo and hi: many small files, some large, like a real camera roll. */
    private long between(long lo, long hi) {
        return Math.round(lo * Math.pow((double) hi / lo, random.nextDouble()));
    }

    private void generateAlbums(LibraryZone zone) {
        Instant created = ANCHOR.minus(Duration.ofDays(900));
        zone.putAlbum(new Album(Album.ROOT_FOLDER, null, true, null, 0, List.of(), zone.nextTag(), created, created));
        List<Asset> assets = zone.assets();
        int total = options.albumCount();
        String tripsFolder = null;
        String extraFolder = null;
        for (int i = 0; i < total; i++) {
            String recordName = Checksums.uuid(random);
            long position = 1024L * (i + 1);
            String name;
            boolean folder = false;
            String parent = null;
            double share = 0.05 + random.nextDouble() * 0.15;
            switch (i) {
                case 0 -> name = "Vacation 2024";
                case 1 -> name = "Family";
                case 2 -> name = "Jo\u0308rg";
                case 3 -> name = "東京 2023";
                case 4 -> {
                    name = "Trips";
                    folder = true;
                    tripsFolder = recordName;
                }
                case 5 -> {
                    name = "Norway";
                    parent = tripsFolder;
                }
                case 6 -> {
                    name = "Japan 🇯🇵";
                    parent = tripsFolder;
                }
                case 7 -> {
                    name = "Empty";
                    share = 0;
                }
                default -> {
                    if ((i - 8) % 25 == 0) {
                        name = String.format(Locale.ROOT, "Folder %02d", (i - 8) / 25 + 1);
                        folder = true;
                        extraFolder = recordName;
                    } else {
                        name = String.format(Locale.ROOT, "Album %04d", i - 7);
                        parent = random.nextInt(3) == 0 ? extraFolder : null;
                    }
                }
            }
            List<String> members = new ArrayList<>();
            if (!folder && share > 0 && !assets.isEmpty()) {
                // An event: a run of neighbouring (same-period) assets, most of them kept; O(size), not O(library).
                int size = (int) Math.max(1, Math.min(MAX_ALBUM_SIZE, Math.round(assets.size() * share)));
                int index = random.nextInt(assets.size());
                while (members.size() < size && index < assets.size()) {
                    if (random.nextInt(10) < 7) {
                        members.add(assets.get(index).masterName());
                    }
                    index++;
                }
                if (members.isEmpty()) {
                    members.add(assets.get(random.nextInt(assets.size())).masterName());
                }
            }
            Instant albumCreated = created.plus(Duration.ofHours(random.nextInt(20_000)));
            zone.putAlbum(new Album(recordName, name, folder, parent, position, members, zone.nextTag(), albumCreated,
                    albumCreated));
        }
    }

    /** A Shared Library owned by someone else, with a photo, a live photo, a PNG and a video. */
    private LibraryZone generateShared() {
        Random sharedRandom = new Random(accountSeed ^ 0x5AA5_5AA5_5AA5L);
        String sharer = Checksums.userRecordName(sharedRandom);
        LibraryZone zone = new LibraryZone(Scope.SHARED, "SharedSync-" + Checksums.uuid(sharedRandom), sharer,
                Checksums.deviceId(account + "/shared"));
        Kind[] kinds = {Kind.JPEG, Kind.LIVE, Kind.PNG, Kind.VIDEO};
        Instant date = ANCHOR.minus(Duration.ofDays(3));
        for (int i = 0; i < kinds.length; i++) {
            Flags flags = new Flags(i == 0, false, false, Flags.NAME_NORMAL, false);
            Asset asset = build(zone, kinds[i], flags, date, 3600, null, 0);
            String contributor = i % 2 == 0 ? sharer : owner;
            zone.put(new Asset(asset.masterName(), asset.assetName(), asset.fileName(), asset.traits(),
                    asset.assetDate(), asset.addedDate(), asset.timeZoneOffset(), asset.status(),
                    asset.masterVersions(), asset.assetVersions(), asset.adjustmentType(), 0, asset.location(),
                    asset.masterTag(), asset.assetTag(), asset.created(), asset.modified(), contributor,
                    asset.annotations()));
            date = date.minus(Duration.ofHours(5 + sharedRandom.nextInt(40)));
        }
        return zone;
    }
}

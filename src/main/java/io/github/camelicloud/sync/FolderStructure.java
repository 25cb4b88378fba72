package io.github.camelicloud.sync;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * icloudpd's {@code --folder-structure}: a Python format string whose {@code {:...}} fields are
 * strftime patterns applied to the creation time in the local zone (default {@code {:%Y/%m/%d}}), or
 * {@code none} for a flat folder; {@code {album}} is the album's folder ({@code {album}/{:%Y}}) and
 * {@code {contributor}} the folder of who added a Shared Album's photo. Validated when parsed, so a bad format fails
 * before any download.
 */
public final class FolderStructure {

    public static final String DEFAULT = "{:%Y/%m/%d}";
    /** The field for the album's folder (nested album folders are nested directories). */
    public static final String ALBUM = "{album}";
    /** The field for who added a Shared Album's photo (its folder, cleaned like an album's). */
    public static final String CONTRIBUTOR = "{contributor}";

    private final String format;
    private final List<Part> parts;
    private final ZoneId zone;
    private final Locale locale;

    private FolderStructure(String format, List<Part> parts, ZoneId zone, Locale locale) {
        this.format = format;
        this.parts = parts;
        this.zone = zone;
        this.locale = locale;
    }

    /** @throws IllegalArgumentException with icloudpd's message when the format is not valid */
    public static FolderStructure parse(String format, ZoneId zone, Locale locale) {
        if (format.equalsIgnoreCase("none")) {
            return new FolderStructure(format, List.of(), zone, locale);
        }
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '{' && i + 1 < format.length() && format.charAt(i + 1) == '{') {
                literal.append('{');
                i++;
            } else if (c == '}' && i + 1 < format.length() && format.charAt(i + 1) == '}') {
                literal.append('}');
                i++;
            } else if (format.startsWith(ALBUM, i) || format.startsWith(CONTRIBUTOR, i)) {
                boolean album = format.startsWith(ALBUM, i);
                parts.add(new Part(literal.toString(), Kind.TEXT));
                literal.setLength(0);
                parts.add(new Part("", album ? Kind.ALBUM : Kind.CONTRIBUTOR));
                i += (album ? ALBUM : CONTRIBUTOR).length() - 1;
            } else if (c == '{') {
                int end = format.indexOf('}', i);
                if (end < 0 || i + 1 >= format.length() || format.charAt(i + 1) != ':') {
                    throw invalid(format);
                }
                parts.add(new Part(literal.toString(), Kind.TEXT));
                literal.setLength(0);
                parts.add(new Part(format.substring(i + 2, end), Kind.STRFTIME));
                i = end;
            } else if (c == '}') {
                throw invalid(format);
            } else {
                literal.append(c);
            }
        }
        parts.add(new Part(literal.toString(), Kind.TEXT));
        FolderStructure structure = new FolderStructure(format, List.copyOf(parts), zone, locale);
        structure.refuseEscapes();
        return structure;
    }

    /** Dates never make {@code ..} or a leading {@code /}: a sample shows whether the literal text does. */
    private void refuseEscapes() {
        String sample = folderFor(Instant.parse("2001-02-03T04:05:06Z"), "Album", "Contributor").replace('\\', '/');
        if (sample.startsWith("/") || java.util.Arrays.asList(sample.split("/")).contains("..")) {
            throw new IllegalArgumentException("Format " + format + " specified in --folder-structure would put files"
                    + " outside the download folder: use a relative layout such as " + DEFAULT);
        }
    }

    private static IllegalArgumentException invalid(String format) {
        return new IllegalArgumentException("Format " + format + " specified in --folder-structure is incorrect");
    }

    /** Whether the layout has an {@code {album}} field: each album gets a folder of its own. */
    public boolean hasAlbum() {
        return parts.stream().anyMatch(p -> p.kind == Kind.ALBUM);
    }

    /** Whether the layout has a {@code {contributor}} field (Shared Albums only). */
    public boolean hasContributor() {
        return parts.stream().anyMatch(p -> p.kind == Kind.CONTRIBUTOR);
    }

    /** This layout with {@code {album}/} in front, unless it has an {@code {album}} field already. */
    public FolderStructure underAlbums() {
        if (hasAlbum()) {
            return this;
        }
        List<Part> withAlbum = new ArrayList<>(List.of(new Part("", Kind.ALBUM)));
        if (!parts.isEmpty()) {
            withAlbum.add(new Part("/", Kind.TEXT));
            withAlbum.addAll(parts);
        }
        String shown = format.equalsIgnoreCase("none") ? ALBUM : ALBUM + "/" + format;
        return new FolderStructure(shown, List.copyOf(withAlbum), zone, locale);
    }

    /** The relative folder for an asset created at {@code created}; empty for {@code none}. */
    public String folderFor(Instant created) {
        return folderFor(created, "");
    }

    /**
     * The relative folder for an asset created at {@code created} in the album whose (already safe) folder is
     * {@code album}; empty path segments an empty album leaves are dropped.
     */
    public String folderFor(Instant created, String album) {
        return folderFor(created, album, "");
    }

    /** As {@link #folderFor(Instant, String)}, with the (already safe) folder of a Shared Album's contributor. */
    public String folderFor(Instant created, String album, String contributor) {
        ZonedDateTime t = created.atZone(zone);
        StringBuilder out = new StringBuilder();
        for (Part p : parts) {
            out.append(switch (p.kind) {
                case STRFTIME -> strftime(p.text, t);
                case ALBUM -> album;
                case CONTRIBUTOR -> contributor;
                case TEXT -> p.text;
            });
        }
        return hasAlbum() || hasContributor() ? out.toString().replaceAll("/{2,}", "/").replaceAll("^/|/$", "") : out.toString();
    }

    private String strftime(String pattern, ZonedDateTime t) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c != '%' || i + 1 >= pattern.length()) {
                out.append(c);
                continue;
            }
            char d = pattern.charAt(++i);
            switch (d) {
                case 'Y' -> out.append(t.getYear());
                case 'y' -> out.append(two(Math.floorMod(t.getYear(), 100)));
                case 'm' -> out.append(two(t.getMonthValue()));
                case 'd' -> out.append(two(t.getDayOfMonth()));
                case 'H' -> out.append(two(t.getHour()));
                case 'I' -> out.append(two(t.getHour() % 12 == 0 ? 12 : t.getHour() % 12));
                case 'M' -> out.append(two(t.getMinute()));
                case 'S' -> out.append(two(t.getSecond()));
                case 'p' -> out.append(t.getHour() < 12 ? "AM" : "PM");
                case 'j' -> out.append(String.format(Locale.ROOT, "%03d", t.getDayOfYear()));
                case 'B' -> out.append(t.getMonth().getDisplayName(TextStyle.FULL, locale));
                case 'b', 'h' -> out.append(t.getMonth().getDisplayName(TextStyle.SHORT, locale));
                case 'A' -> out.append(t.getDayOfWeek().getDisplayName(TextStyle.FULL, locale));
                case 'a' -> out.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, locale));
                case 'f' -> out.append(String.format(Locale.ROOT, "%06d", t.getNano() / 1000));
                case 'z' -> out.append(t.getOffset().getId().equals("Z") ? "+0000" : t.getOffset().getId().replace(":", ""));
                case 'Z' -> out.append(t.getZone().getDisplayName(TextStyle.SHORT, locale));
                case '%' -> out.append('%');
                default -> out.append('%').append(d);
            }
        }
        return out.toString();
    }

    private static String two(int value) {
        return value < 10 ? "0" + value : String.valueOf(value);
    }

    @Override
    public String toString() {
        return format;
    }

    private enum Kind { TEXT, STRFTIME, ALBUM, CONTRIBUTOR }

    private record Part(String text, Kind kind) {
    }
}

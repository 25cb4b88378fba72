package io.github.camelicloud.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelicloud.client.photos.SharedAlbum;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code {album}} folders: untrusted album names made safe and distinct, and the layout around them. */
class AlbumFolderNamesTest {

    @Test
    void hostileAndClashingNamesBecomeDistinctSafeFolders() {
        Map<String, List<String>> albums = new LinkedHashMap<>();
        albums.put("1", List.of(".."));
        albums.put("2", List.of("a/b"));
        albums.put("3", List.of("a_b"));
        albums.put("4", List.of("A_B"));
        albums.put("5", List.of("Trips", "Oslo"));
        albums.put("6", List.of("tab\there\u0000"));
        albums.put("7", List.of("Unfiled"));
        albums.put("8", List.of("  "));
        albums.put("9", List.of("Jo\u0308rg"));
        AlbumFolders folders = AlbumFolders.of(albums, "Unfiled");
        assertThat(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9").stream().map(id -> folders.of(id).folder()))
                .containsExactly("__", "a_b", "a_b (2)", "A_B (3)", "Trips/Oslo", "tab_here_", "Unfiled (2)", "_",
                        "Jo\u0308rg");
        assertThat(folders.unfiled().folder()).isEqualTo("Unfiled");
        assertThat(folders.of("2").tag()).isNotEqualTo(folders.of("3").tag()).hasSize(16);
    }

    @Test
    void namesWindowsOrANasCannotHoldAndOverLongNamesBecomeUsableFolders() {
        Map<String, List<String>> albums = new LinkedHashMap<>();
        albums.put("1", List.of("CON"));
        albums.put("2", List.of("nul.txt"));
        albums.put("3", List.of("Com1"));
        albums.put("4", List.of("Console"));
        albums.put("5", List.of("Trip."));
        albums.put("6", List.of("Trip_"));
        albums.put("7", List.of("J\u00f6rg"));
        albums.put("8", List.of("Jo\u0308rg")); // the same name on macOS (decomposed)
        String longName = "\u00e9t\u00e9 ".repeat(80); // 480 bytes of UTF-8
        albums.put("9", List.of(longName + "one"));
        albums.put("10", List.of(longName + "two"));
        AlbumFolders folders = AlbumFolders.of(albums, "Unfiled");
        assertThat(List.of("1", "2", "3", "4", "5", "6", "7", "8").stream().map(id -> folders.of(id).folder()))
                .containsExactly("_CON", "_nul.txt", "_Com1", "Console", "Trip_", "Trip_ (2)", "J\u00f6rg",
                        "Jo\u0308rg (2)");
        String first = folders.of("9").folder();
        String second = folders.of("10").folder();
        assertThat(first.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(AlbumFolders.MAX_SEGMENT_BYTES);
        assertThat(longName).startsWith(first.strip());
        assertThat(second).isEqualTo(first + " (2)"); // the same once cut: told apart, and still a legal name
        assertThat(second.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
        assertThat(AlbumFolders.of(new LinkedHashMap<>(), "..").unfiled().folder()).isEqualTo("__");
    }

    @Test
    void theAlbumFieldOfTheFolderStructure() {
        FolderStructure layout = FolderStructure.parse("{album}/{:%Y}", ZoneOffset.UTC, Locale.ENGLISH);
        Instant may = Instant.parse("2024-05-01T08:00:00Z");
        assertThat(layout.hasAlbum()).isTrue();
        assertThat(layout.folderFor(may, "Trips/Oslo")).isEqualTo("Trips/Oslo/2024");
        FolderStructure dated = FolderStructure.parse("{:%Y/%m}", ZoneOffset.UTC, Locale.ENGLISH);
        assertThat(dated.hasAlbum()).isFalse();
        assertThat(dated.underAlbums().folderFor(may, "Best")).isEqualTo("Best/2024/05");
        assertThat(FolderStructure.parse("none", ZoneOffset.UTC, Locale.ENGLISH).underAlbums().folderFor(may, "Best"))
                .isEqualTo("Best");
        assertThatThrownBy(() -> FolderStructure.parse("../{album}", ZoneOffset.UTC, Locale.ENGLISH))
                .hasMessageContaining("outside the download folder");
    }

    @Test
    void sharedAlbumsAndTheirContributorsBecomeDistinctSafeFolders() {
        AlbumFolders folders = AlbumFolders.ofShared(List.of(shared("g1", "../x"), shared("g2", "a/b"),
                shared("g3", "A_B"), shared("g4", "Unfiled")));
        assertThat(List.of("g1", "g2", "g3", "g4").stream().map(id -> folders.of(id).folder()))
                .containsExactly(".._x", "a_b", "A_B (2)", "Unfiled"); // no unfiled folder is reserved
        Map<String, AlbumFolders.Place> byContributor = folders.of("g1").byContributor(
                List.of("Anna", "", "a/b", "A_B", ".."));
        assertThat(byContributor.values()).extracting(AlbumFolders.Place::contributor)
                .containsExactly("Anna", AlbumFolders.UNKNOWN_CONTRIBUTOR, "a_b", "A_B (2)", "__");
        assertThat(byContributor.values()).extracting(AlbumFolders.Place::folder).containsOnly(".._x");
        assertThat(byContributor.get("Anna").tag()).isNotEqualTo(byContributor.get("").tag())
                .isNotEqualTo(folders.of("g1").tag());

        Instant may = Instant.parse("2024-05-01T08:00:00Z");
        FolderStructure layout = FolderStructure.parse("{album}/{contributor}/{:%Y}", ZoneOffset.UTC, Locale.ENGLISH);
        assertThat(layout.hasContributor()).isTrue();
        assertThat(layout.folderFor(may, ".._x", "Anna")).isEqualTo(".._x/Anna/2024");
        assertThat(FolderStructure.parse("{contributor}", ZoneOffset.UTC, Locale.ENGLISH).underAlbums()
                .folderFor(may, "Ski", "Kim")).isEqualTo("Ski/Kim");
        assertThatThrownBy(() -> FolderStructure.parse("../{contributor}", ZoneOffset.UTC, Locale.ENGLISH))
                .hasMessageContaining("outside the download folder");
    }

    private static SharedAlbum shared(String guid, String name) {
        return new SharedAlbum(guid, name, true, "", "https://example.invalid/", "ctag");
    }
}

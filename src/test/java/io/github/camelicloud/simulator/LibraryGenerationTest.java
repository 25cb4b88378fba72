package io.github.camelicloud.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library is a function of seed and account, and can be a folder of real files. */
class LibraryGenerationTest {

    private static final String ME = "me@example.com:pw";
    private static final String YOU = "you@example.com:pw";

    @Test
    void theSameSeedGivesTheSameLibraryByteForByte() {
        String first;
        String other;
        try (ICloudSimulator simulator = ICloudSimulator.builder().seed(9).assets(24).account(ME).account(YOU)
                .srpIterations(100).build().start()) {
            first = simulator.manifestJson("me@example.com");
            other = simulator.manifestJson("you@example.com");
        }
        try (ICloudSimulator again = ICloudSimulator.builder().seed(9).assets(24).account(ME).srpIterations(100)
                .build().start()) {
            assertThat(again.manifestJson("me@example.com")).isEqualTo(first);
        }
        try (ICloudSimulator reseeded = ICloudSimulator.builder().seed(10).assets(24).account(ME).srpIterations(100)
                .build().start()) {
            LibraryManifest manifest = reseeded.manifest("me@example.com");
            assertThat(manifest.assets()).hasSize(24 + 4);
            assertThat(reseeded.manifestJson("me@example.com")).isNotEqualTo(first);
        }
        assertThat(other).isNotEqualTo(first.replace("me@example.com", "you@example.com"));
        assertThat(first).contains("\"sha256\"").contains("\"resOriginal\"");
    }

    @Test
    void aFolderOfRealFilesIsServedAsTheLibrary(@TempDir Path dir) throws Exception {
        BufferedImage image = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        Path jpeg = write(dir.resolve("beach.jpg"), null, Instant.parse("2021-06-01T10:00:00Z"));
        ImageIO.write(image, "jpeg", jpeg.toFile());
        Files.setLastModifiedTime(jpeg, FileTime.from(Instant.parse("2021-06-01T10:00:00Z")));
        Path png = write(dir.resolve("Trips/Norway/fjord ü.png"), null, null);
        ImageIO.write(image, "png", png.toFile());
        Files.setLastModifiedTime(png, FileTime.from(Instant.parse("2020-02-02T02:02:02Z")));
        write(dir.resolve("Family/clip.MOV"), new byte[5000], Instant.parse("2019-01-01T00:00:00Z"));
        write(dir.resolve("notes.txt"), new byte[10], null);
        write(dir.resolve(".hidden.jpg"), new byte[10], null);

        try (ICloudSimulator simulator = ICloudSimulator.builder().libraryDir(dir).account(ME).srpIterations(100)
                .build().start()) {
            LibraryManifest manifest = simulator.manifest("me@example.com");
            Map<String, LibraryManifest.Asset> byName = manifest.assets().stream()
                    .filter(a -> a.zone().equals("PrimarySync"))
                    .collect(Collectors.toMap(LibraryManifest.Asset::fileName, a -> a));
            assertThat(byName).containsOnlyKeys("beach.jpg", "fjord ü.png", "clip.MOV");
            assertThat(byName.get("beach.jpg").itemType()).isEqualTo("public.jpeg");
            assertThat(byName.get("beach.jpg").assetDate()).isEqualTo(Instant.parse("2021-06-01T10:00:00Z"));
            assertThat(byName.get("beach.jpg").versions().get("resOriginal").sha256()).isEqualTo(sha256(jpeg));
            assertThat(byName.get("clip.MOV").itemType()).isEqualTo("com.apple.quicktime-movie");
            assertThat(byName.get("clip.MOV").smartAlbums()).containsExactly("VIDEO");
            assertThat(byName.get("clip.MOV").versions().get("resOriginal").size()).isEqualTo(5000);
            assertThat(manifest.albums()).extracting(LibraryManifest.Album::name, LibraryManifest.Album::folder,
                    LibraryManifest.Album::type).contains(
                            org.assertj.core.groups.Tuple.tuple("Trips", null, "folder"),
                            org.assertj.core.groups.Tuple.tuple("Norway", "Trips", "album"),
                            org.assertj.core.groups.Tuple.tuple("Family", null, "album"));
            assertThat(manifest.albums().stream().filter(a -> a.name().equals("Norway")).findFirst().orElseThrow()
                    .assetIds()).containsExactly(byName.get("fjord ü.png").id());
            assertThat(simulator.libraryDescription()).contains(dir.toString());
        }
        assertThatThrownBy(() -> ICloudSimulator.builder().libraryDir(dir.resolve("missing")).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Path write(Path file, byte[] bytes, Instant modified) throws IOException {
        Files.createDirectories(file.getParent());
        if (bytes != null) {
            Files.write(file, bytes);
        }
        if (modified != null && Files.exists(file)) {
            Files.setLastModifiedTime(file, FileTime.from(modified));
        }
        return file;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}

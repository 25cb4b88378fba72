package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.sync.metadata.ExifDateTime;
import io.github.camelicloud.testing.SimulatorExtension;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDateTime;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code --set-exif-datetime} writes the asset's date into a JPEG that has none (and only with the flag). */
class SetExifDateTimeTest {

    private static final String USER = "exif@example.com";
    private static final Instant TAKEN = Instant.parse("2021-03-04T05:06:07Z");

    @RegisterExtension
    static final SimulatorExtension apple = SimulatorExtension.of(b -> b.libraryDir(undatedJpeg())
            .account(USER + ":pw:nomfa"));

    @TempDir
    Path work;

    /** One JPEG as ImageIO writes it: no EXIF segment at all; its date comes from the file's time. */
    private static Path undatedJpeg() {
        try {
            Path dir = Files.createDirectories(Files.createTempDirectory("exif-library"));
            Path jpeg = dir.resolve("IMG_0001.JPG");
            ImageIO.write(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), "jpg", jpeg.toFile());
            Files.setLastModifiedTime(jpeg, FileTime.from(TAKEN));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theDateIsWrittenIntoAJpegWithoutOneOnlyWhenAsked() throws Exception {
        Path plain = sync("plain");
        assertThat(new ExifDateTime().read(plain)).as("without the flag the file stays as served").isEmpty();

        Path dated = sync("dated", "--set-exif-datetime");
        assertThat(new ExifDateTime().read(dated)).contains(LocalDateTime.parse("2021-03-04T05:06:07"));
        assertThat(Files.size(dated)).isGreaterThan(Files.size(plain));
    }

    private Path sync(String name, String... more) throws IOException {
        Path photos = work.resolve(name);
        String[] base = {"--username", USER, "--password", "pw", "--domain", apple.get().baseUrl(),
            "--cookie-directory", work.resolve("cookies").toString(), "-d", photos.toString(),
            "--folder-structure", "none", "--no-progress-bar"};
        CliRun run = CliRun.of("", java.util.stream.Stream.concat(java.util.Arrays.stream(base),
                java.util.Arrays.stream(more)).toArray(String[]::new));
        assertThat(run.exitCode()).as(run.output()).isZero();
        return photos.resolve("IMG_0001.JPG");
    }
}

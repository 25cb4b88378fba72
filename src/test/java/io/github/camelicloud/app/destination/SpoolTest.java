package io.github.camelicloud.app.destination;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/** A photo spooled for embedding is readable by this user only, named as it is, and gone once closed. */
class SpoolTest {

    @Test
    void holdsTheFileOwnerOnlyUnderItsNameAndDeletesEverythingWhenClosed() throws Exception {
        Path folder;
        Path file;
        try (Spool spool = Spool.of("2024/06/10/IMG_1.JPG")) {
            spool.fill(new ByteArrayInputStream("photo".getBytes(StandardCharsets.UTF_8)));
            file = spool.file();
            folder = file.getParent();
            assertThat(file.getFileName()).hasToString("IMG_1.JPG");
            assertThat(file).hasContent("photo");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            Files.writeString(spool.sibling("IMG_1.JPG.xmp"), "<x/>");
        }
        assertThat(file).doesNotExist();
        assertThat(folder).doesNotExist();
    }

    @Test
    void aNameThatIsNoFileNameStillGetsAFile() throws Exception {
        try (Spool spool = Spool.of(".hidden")) {
            assertThat(spool.file().getFileName().toString()).isEqualTo("file.hidden");
        }
        try (Spool spool = Spool.of(null)) {
            assertThat(spool.file().getFileName().toString()).isEqualTo("file");
        }
    }
}

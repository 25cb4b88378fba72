package io.github.camelicloud.client.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.testing.Cassettes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSessionStoreTest {

    @TempDir
    Path dir;

    @Test
    void namesFilesLikeIcloudpd() {
        assertThat(FileSessionStore.fileStem("jdoe@gmail.com")).isEqualTo("jdoegmailcom");
        assertThat(FileSessionStore.fileStem("jörg.o'neil+x@example.cn")).isEqualTo("jörgoneilxexamplecn");
    }

    @Test
    void savesOwnerOnlyAndReadsBack() throws IOException {
        Path cookies = dir.resolve("cookies");
        FileSessionStore store = new FileSessionStore(cookies, "a@b.com");
        StoredCookie cookie = new StoredCookie("X-APPLE-WEBAUTH-TOKEN", "\"v=2:t=abc~~\"", "icloud.com", false, "/",
                true, true, 1_900_000_000_000L);
        store.save(new StoredSession(Map.of(SessionKey.SESSION_TOKEN, "tok", SessionKey.CLIENT_ID, "id"),
                List.of(cookie)));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.sessionFile())))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cookies))).isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(cookies)) {
            assertThat(files).containsExactly(store.sessionFile()); // no temp file left behind
        }
        StoredSession loaded = new FileSessionStore(cookies, "a@b.com").load();
        assertThat(loaded.value(SessionKey.SESSION_TOKEN)).contains("tok");
        assertThat(loaded.cookies()).containsExactly(cookie);
    }

    @Test
    void aCorruptFileCountsAsNoSession() throws IOException {
        FileSessionStore store = new FileSessionStore(dir, "a@b.com");
        Files.writeString(store.sessionFile(), "{ half a jso");
        assertThat(store.load().isEmpty()).isTrue();
    }

    @Test
    void readsAnIcloudpdSessionAndCookieJar() throws IOException {
        Cassettes.copyIcloudpdCookies(dir);
        StoredSession session = new FileSessionStore(dir, "jdoe@gmail.com").load();

        assertThat(session.value(SessionKey.CLIENT_ID)).contains("DE309E26-942E-11E8-92F5-14109FE0B321");
        assertThat(session.value(SessionKey.SESSION_TOKEN)).contains("token-1234567890");
        assertThat(session.value(SessionKey.SCNT)).contains("scnt-1234567890");
        assertThat(session.cookies()).extracting(StoredCookie::name).containsExactly("X-APPLE-UNIQUE-CLIENT-ID",
                "X-APPLE-WEBAUTH-LOGIN", "X-APPLE-WEBAUTH-VALIDATE", "X-APPLE-WEBAUTH-HSA-LOGIN");
        StoredCookie login = session.cookies().get(1);
        assertThat(login.value()).isEqualTo("\"v=1:t=Cw==BST_IAAAAAAABLw1234~~\"");
        assertThat(login.domain()).isEqualTo("icloud.com");
        assertThat(login.hostOnly()).isFalse();
        assertThat(login.secure()).isTrue();
        assertThat(login.httpOnly()).isTrue();
        assertThat(Files.exists(dir.resolve("jdoegmailcom.camel-icloud.json"))).isFalse(); // icloudpd's left alone
    }

    @Test
    void parsesLwpExpiryAndHostOnlyCookies() {
        List<StoredCookie> cookies = IcloudpdSession.parseLwp(List.of("#LWP-Cookies-2.0",
                "Set-Cookie3: dslang=US-EN; path=\"/\"; domain=\"idmsa.apple.com\"; path_spec;"
                        + " expires=\"2030-01-02 03:04:05Z\"; version=0"));
        assertThat(cookies).singleElement().satisfies(c -> {
            assertThat(c.value()).isEqualTo("US-EN");
            assertThat(c.hostOnly()).isTrue();
            assertThat(c.expiresAt()).isEqualTo(1893553445000L);
        });
    }
}

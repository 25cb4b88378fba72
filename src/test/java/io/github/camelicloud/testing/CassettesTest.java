package io.github.camelicloud.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class CassettesTest {

    @Test
    void missingSharedFolderSkipsInsteadOfFailing() {
        String before = System.getProperty(Cassettes.SHARED_DIR_PROPERTY);
        System.setProperty(Cassettes.SHARED_DIR_PROPERTY, "/nonexistent/shared-fixtures");
        try {
            assertThatThrownBy(() -> Cassettes.require("successful_auth"))
                    .isInstanceOf(TestAbortedException.class)
                    .hasMessageContaining("shared fixtures not found at /nonexistent/shared-fixtures");
            assertThatThrownBy(Cassettes::icloudpdCookieDir).isInstanceOf(TestAbortedException.class);
        } finally {
            if (before == null) {
                System.clearProperty(Cassettes.SHARED_DIR_PROPERTY);
            } else {
                System.setProperty(Cassettes.SHARED_DIR_PROPERTY, before);
            }
        }
    }

    @Test
    void findsCassettesAndCookieFixture() {
        assertThat(Cassettes.require("successful_auth")).isRegularFile();
        assertThat(Cassettes.require("successful_auth.yml")).isRegularFile();
        assertThat(Cassettes.icloudpdCookieDir().resolve("jdoegmailcom")).isRegularFile();
        assertThatThrownBy(() -> Cassettes.require("no_such_cassette")).isInstanceOf(IllegalArgumentException.class);
    }
}

package io.github.camelicloud.client.photos.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Python's {@code base64.b64decode} answers, taken from CPython, for the cases that differ from Java's. */
class EncryptedBytesTest {

    @ParameterizedTest
    @CsvSource({"YWI=,ab", "'YW Jj',abc", "YQ==YQ==,a", "YWJj====,abc", "VGl0bGUgSGVyZQ==,Title Here"})
    void decodesLikePython(String base64, String expected) {
        assertThat(new String(EncryptedBytes.decode(base64), StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"YWI", "YQ=", "!!!not-base64!!!", "Y"})
    void rejectsWhatPythonRejects(String base64) {
        assertThatThrownBy(() -> EncryptedBytes.decode(base64)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void utf8IsStrict() {
        assertThat(EncryptedBytes.utf8("日本".getBytes(StandardCharsets.UTF_8))).isEqualTo("日本");
        assertThatThrownBy(() -> EncryptedBytes.utf8(new byte[] {(byte) 0xFF})).isInstanceOf(IllegalArgumentException.class);
    }
}

package io.github.camelicloud.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class NoSkipsOnCiTest {

    @Test
    void onCiASkipIsAFailureWithItsReason() {
        TestAbortedException skip = new TestAbortedException("Assumption failed: Chromium is not installed");
        assertThat(new NoSkipsOnCi(Map.of("CI", "true")).failOnCi(skip)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("CI=true").hasMessageContaining("Chromium is not installed").hasCause(skip);
    }

    @Test
    void offCiASkipStaysASkipAndFailuresPassThrough() {
        TestAbortedException skip = new TestAbortedException("no fixtures");
        assertThat(new NoSkipsOnCi(Map.of()).failOnCi(skip)).isSameAs(skip);
        IllegalStateException error = new IllegalStateException("boom");
        assertThat(new NoSkipsOnCi(Map.of("CI", "true")).failOnCi(error)).isSameAs(error);
    }
}

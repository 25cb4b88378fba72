package io.github.camelicloud.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.github.camelicloud.testing.Cassette.Interaction;
import io.github.camelicloud.testing.Cassette.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every shared cassette parses, and the odd encodings vcrpy used come out right. */
class CassetteParsingTest {

    /** Interaction counts per cassette (checked with PyYAML): a parse that drops entries shows up here. */
    private static final Map<String, Integer> EXPECTED_COUNTS = Map.ofEntries(
            Map.entry("2fa_flow_invalid_code", 5), Map.entry("2fa_flow_valid_code", 7),
            Map.entry("2sa_flow_invalid_code", 6), Map.entry("2sa_flow_valid_code", 7),
            Map.entry("auth_non_2fa", 4), Map.entry("auth_requires_2fa", 3),
            Map.entry("autodelete_photos", 7), Map.entry("download_autodelete_photos_part1", 8),
            Map.entry("download_autodelete_photos_part2", 7), Map.entry("failed_auth", 3),
            Map.entry("failed_auth_503", 2), Map.entry("fallback_raw_password", 4),
            Map.entry("listing_albums", 7), Map.entry("listing_photos", 13),
            Map.entry("listing_photos_no_delete", 7), Map.entry("listing_photos_raw", 8),
            Map.entry("listing_photos_resume", 13), Map.entry("listing_videos", 13),
            Map.entry("successful_auth", 1));

    @TestFactory
    Stream<DynamicTest> everyCassetteParses() {
        assertThat(Cassettes.all()).hasSizeGreaterThanOrEqualTo(EXPECTED_COUNTS.size());
        return Cassettes.all().stream().map(path -> dynamicTest(path.getFileName().toString(), () -> {
            Cassette cassette = Cassette.load(path);
            assertThat(cassette.interactions()).isNotEmpty();
            if (EXPECTED_COUNTS.containsKey(cassette.name())) {
                assertThat(cassette.interactions()).hasSize(EXPECTED_COUNTS.get(cassette.name()));
            }
            for (Interaction i : cassette.interactions()) {
                assertThat(i.request().method()).isIn("GET", "POST", "PUT");
                assertThat(i.request().uri()).startsWith("https://");
                assertThat(i.response().status()).as("%s", i).isBetween(200, 599);
                assertThat(i.response().headers()).as("%s", i).isNotEmpty();
                assertThat(i.response().body()).as("%s", i).isNotNull();
            }
        }));
    }

    @Test
    void textBodiesTaggedPythonUnicodeAreStrings() {
        Interaction validate = Cassette.load(Cassettes.require("successful_auth")).interactions().get(0);
        assertThat(validate.request().body()).isEqualTo("null");
        assertThat(validate.request().header("content-length")).isEqualTo("4");
        Response r = validate.response();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.message()).isEqualTo("OK");
        assertThat(r.body().storedAsBinary()).isFalse();
        assertThat(r.body().text()).startsWith("{\"dsInfo\"").contains("\"url\":\"https://p61-ckdatabasews.icloud.com:443\"");
        assertThat(r.headerValues("Set-Cookie")).hasSize(7).allSatisfy(c -> assertThat(c).contains("Domain=.icloud.com"));
    }

    @Test
    void downloadBodiesAreBinary() {
        List<Interaction> all = Cassette.load(Cassettes.require("listing_photos")).interactions();
        Interaction download = all.get(11);
        assertThat(download.request().method()).isEqualTo("GET");
        assertThat(download.request().body()).isNull();
        assertThat(download.request().uri()).contains("/$%7Bf%7D?");
        Cassette.Body body = download.response().body();
        assertThat(body.storedAsBinary()).isTrue();
        assertThat(body.size()).isEqualTo(1_884_695).isEqualTo(Integer.parseInt(download.response().header("Content-Length")));
        assertThat(body.bytes()).startsWith(0xFF, 0xD8, 0xFF); // a JPEG
    }

    @Test
    void emptyBinaryBodyAndScalarHeaderValue() {
        Interaction code = Cassette.load(Cassettes.require("2fa_flow_valid_code")).interactions().get(4);
        assertThat(code.response().status()).isEqualTo(204);
        // recorded as an empty "!!binary" scalar; the YAML reader hands it over as empty, not as binary
        assertThat(code.response().body().size()).isZero();

        Interaction modify = Cassette.load(Cassettes.require("listing_photos")).interactions().get(12);
        assertThat(modify.response().headers()).containsEntry("Content-type", List.of("application/json"));
        assertThat(modify.response().body().text()).isEqualTo("{}");
    }

    @Test
    void scrubbedResumeBodyIsShorterThanItsContentLength() {
        Interaction resume = Cassette.load(Cassettes.require("listing_photos_resume")).interactions().get(11);
        assertThat(resume.request().header("Range")).isEqualTo("bytes=1234-");
        assertThat(resume.response().status()).isEqualTo(200);
        assertThat(resume.response().header("Content-Length")).isEqualTo("1884695");
        assertThat(resume.response().body().size()).isEqualTo(617);
    }

    @Test
    void nonJsonBodies() {
        Response unavailable = Cassette.load(Cassettes.require("failed_auth_503")).interactions().get(0).response();
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.message()).isEqualTo("Service Temporary Unavailable");
        assertThat(unavailable.body().text()).isEqualTo("Service Temporary Unavailable");
        assertThat(unavailable.body().bytes()).isEqualTo("Service Temporary Unavailable".getBytes(StandardCharsets.UTF_8));
    }
}

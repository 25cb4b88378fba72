package io.github.camelicloud.simulator;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the recorded Apple answers in shared/fixtures/icloudpd-cassettes, when that folder is there. */
final class Cassettes {

    /** listing_photos.yml is 4 MB, past SnakeYAML's default 3 MB document limit. */
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .loaderOptions(loaderOptions()).build());

    private static org.yaml.snakeyaml.LoaderOptions loaderOptions() {
        org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
        options.setCodePointLimit(64 << 20);
        return options;
    }

    private Cassettes() {
    }

    /** The recordings' folder; a test that compares with them is skipped (and fails on CI) without it. */
    static Path folder() {
        Path dir = Path.of(System.getProperty("shared.dir", "../shared"), "fixtures", "icloudpd-cassettes");
        assumeTrue(Files.isDirectory(dir), () -> "Apple's recordings are not at " + dir.toAbsolutePath()
                + ": the comparison with them is skipped");
        return dir;
    }

    /**
     * The response (status, headers, body) of the first interaction whose method and URI match: the URI ends
     * with {@code uriEnding}, or continues with a query, or (for an ending in {@code /}) contains it.
     */
    static JsonNode response(String cassette, String method, String uriEnding) {
        Path file = folder().resolve(cassette + ".yml");
        try {
            for (JsonNode interaction : YAML.readTree(file.toFile()).get("interactions")) {
                JsonNode request = interaction.get("request");
                String uri = request.get("uri").asText();
                if (request.get("method").asText().equals(method) && (uri.endsWith(uriEnding)
                        || uri.contains(uriEnding + "?") || (uriEnding.endsWith("/") && uri.contains(uriEnding)))) {
                    return interaction.get("response");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException("no " + method + " " + uriEnding + " in " + cassette);
    }

    /** Every JSON response body of a cassette's requests to {@code path} (with or without a query string). */
    static java.util.List<JsonNode> responsesJson(String cassette, String path) {
        java.util.List<JsonNode> bodies = new java.util.ArrayList<>();
        try {
            for (JsonNode interaction : YAML.readTree(folder().resolve(cassette + ".yml").toFile())
                    .get("interactions")) {
                String uri = interaction.at("/request/uri").asText();
                if (uri.endsWith(path) || uri.contains(path + "?")) {
                    bodies.add(SimClient.JSON.readTree(interaction.at("/response/body/string").asText()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bodies;
    }

    static JsonNode responseJson(String cassette, String method, String uriEnding) {
        try {
            return SimClient.JSON.readTree(response(cassette, method, uriEnding).at("/body/string").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

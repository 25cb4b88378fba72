package io.github.camelicloud.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads the recorded Apple answers in shared/fixtures/icloudpd-cassettes, when that folder is there. */
final class Cassettes {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Cassettes() {
    }

    static Optional<Path> folder() {
        Path dir = Path.of(System.getProperty("shared.dir", "../shared"), "fixtures", "icloudpd-cassettes");
        return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
    }

    /** The response (status, headers, body) of the first interaction whose method and URI match. */
    static JsonNode response(String cassette, String method, String uriEnding) {
        Path file = folder().orElseThrow().resolve(cassette + ".yml");
        try {
            for (JsonNode interaction : YAML.readTree(file.toFile()).get("interactions")) {
                JsonNode request = interaction.get("request");
                String uri = request.get("uri").asText();
                if (request.get("method").asText().equals(method)
                        && (uri.endsWith(uriEnding) || uri.contains(uriEnding + "?"))) {
                    return interaction.get("response");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException("no " + method + " " + uriEnding + " in " + cassette);
    }

    static JsonNode responseJson(String cassette, String method, String uriEnding) {
        try {
            return SimClient.JSON.readTree(response(cassette, method, uriEnding).at("/body/string").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

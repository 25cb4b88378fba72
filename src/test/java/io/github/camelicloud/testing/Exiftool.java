package io.github.camelicloud.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reads a file's metadata with exiftool (Debian libimage-exiftool-perl; .ci/run installs it): the independent
 * reader the --embed-metadata tests check against. Tags come group-qualified ({@code "XMP-dc:Title"}) and as
 * numbers where exiftool can ({@code -n}), so GPS is in signed degrees.
 */
public final class Exiftool {

    private Exiftool() {
    }

    public static JsonNode read(Path file) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/exiftool")),
                "exiftool not installed (apt-get install libimage-exiftool-perl)");
        List<String> command = new ArrayList<>(List.of("/usr/bin/exiftool", "-j", "-n", "-G1", "-struct", "-a",
                "-charset", "utf8", file.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("exiftool did not finish");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException("exiftool failed: " + text);
        }
        return new ObjectMapper().readTree(text).get(0);
    }

    /** exiftool gives a list as an array, and a list of one (without -struct) as a string. */
    public static List<String> texts(JsonNode node) {
        List<String> result = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> result.add(n.asText()));
        } else if (!node.isMissingNode()) {
            result.add(node.asText());
        }
        return result;
    }
}

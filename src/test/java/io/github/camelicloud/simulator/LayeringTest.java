package io.github.camelicloud.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The client and the simulator must stay free of Camel (DESIGN.md, layers); the simulator also of the client. */
class LayeringTest {

    private static final Path MAIN = Path.of("src/main/java/io/github/camelicloud");
    private static final Pattern CAMEL_IMPORT = Pattern.compile("^\\s*import\\s+(static\\s+)?org\\.apache\\.camel\\.",
            Pattern.MULTILINE);
    private static final Pattern CLIENT_IMPORT = Pattern.compile(
            "^\\s*import\\s+(static\\s+)?io\\.github\\.camelicloud\\.client\\.", Pattern.MULTILINE);

    @Test
    void clientAndSimulatorDoNotImportCamel() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (String layer : List.of("simulator", "client")) {
            offenders.addAll(matching(MAIN.resolve(layer), CAMEL_IMPORT));
        }
        assertThat(offenders).as("files importing org.apache.camel").isEmpty();
    }

    @Test
    void simulatorDoesNotImportTheClient() throws IOException {
        assertThat(matching(MAIN.resolve("simulator"), CLIENT_IMPORT)).as("simulator files importing the client")
                .isEmpty();
    }

    @Test
    void theCheckSeesTheSimulatorSources() throws IOException {
        // Guards against a wrong working directory silently making the checks above vacuous.
        try (Stream<Path> files = Files.walk(MAIN.resolve("simulator"))) {
            assertThat(files.filter(p -> p.toString().endsWith(".java")).count()).isGreaterThan(10);
        }
    }

    /** Java files under {@code root} whose text matches; an absent folder (not written yet) has none. */
    private static List<String> matching(Path root, Pattern pattern) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<String> hits = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (pattern.matcher(Files.readString(file)).find()) {
                    hits.add(file.toString());
                }
            }
        }
        return hits;
    }
}

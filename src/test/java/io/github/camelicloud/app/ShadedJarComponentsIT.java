package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.testing.ComponentProbe;
import io.github.camelicloud.testing.JarProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every endpoint scheme the bundled routes (routes/*.yaml) and the main code (the CLI, the web page, the alerts,
 * the component) name resolves from the shaded jar alone, so a component left out of the jar fails the build
 * instead of a user's start ("No endpoint could be found for: direct://...").
 */
class ShadedJarComponentsIT {

    /** A route's {@code uri:}; a scheme given as a placeholder counts with its default ({{smtp.scheme:smtp}}). */
    private static final Pattern ROUTE_URI = Pattern.compile(
            "^\\s*-?\\s*uri:\\s*\"?(?:\\{\\{[\\w.-]+:([a-z][a-z0-9+-]*)}}|([a-z][a-z0-9+-]*)):", Pattern.MULTILINE);
    /** A string literal of the code that starts like an endpoint URI. */
    private static final Pattern CODE_URI = Pattern.compile("\"([a-z][a-z0-9+-]*):");

    @TempDir
    Path work;

    @Test
    void everySchemeOfTheRoutesAndTheCodeResolvesFromTheShadedJar() throws Exception {
        Set<String> schemes = new TreeSet<>(routeSchemes());
        schemes.addAll(codeSchemes());
        assertThat(schemes).as("the scan finds what the product is known to use")
                .contains("icloud", "file", "direct", "smtp", "smtps", "sftp", "aws2-s3", "platform-http", "http",
                        "telegram");

        JarProcess.Result probe = JarProcess.onJar(work, ComponentProbe.class, schemes.toArray(String[]::new)).run();
        assertThat(probe.exitCode()).as(probe.output()).isZero();
        assertThat(probe.output().lines().filter(l -> schemes.contains(l.split(" ")[0])).toList())
                .as("each scheme resolved by the shaded jar").hasSize(schemes.size())
                .allSatisfy(line -> assertThat(line).contains(" OK "));
    }

    private static Set<String> routeSchemes() throws IOException {
        Set<String> schemes = new TreeSet<>();
        for (Path route : files(Path.of("routes"), ".yaml")) {
            Matcher m = ROUTE_URI.matcher(Files.readString(route));
            while (m.find()) {
                schemes.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
        }
        return schemes;
    }

    /**
     * Literals of the main code that start like a URI and name a Camel component known to the build (one on
     * the test class path, which has every dependency and more): Apple's https: URLs and XMP's rdf: names are
     * not components, direct: and sftp: are.
     */
    private static Set<String> codeSchemes() throws IOException {
        Set<String> schemes = new TreeSet<>();
        ClassLoader build = ShadedJarComponentsIT.class.getClassLoader();
        for (Path source : files(Path.of("src/main/java"), ".java")) {
            Matcher m = CODE_URI.matcher(Files.readString(source));
            while (m.find()) {
                String scheme = m.group(1);
                if (build.getResource("META-INF/services/org/apache/camel/component/" + scheme) != null) {
                    schemes.add(scheme);
                }
            }
        }
        return schemes;
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).toList();
        }
    }
}

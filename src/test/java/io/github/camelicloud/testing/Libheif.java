package io.github.camelicloud.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Real HEIC files for the --embed-metadata tests, made and decoded by libheif's tools (Debian libheif-examples;
 * .ci/run installs it): {@code heif-enc} encodes a PNG or JPEG (a JPEG's EXIF becomes the HEIC's Exif item) and
 * {@code heif-convert} decodes the primary picture to PNG. Tests are skipped, with this reason, where it is missing.
 */
public final class Libheif {

    public static final String MISSING = "heif-enc/heif-convert not installed (apt-get install libheif-examples)";

    private Libheif() {
    }

    public static boolean installed() {
        return Files.isExecutable(Path.of("/usr/bin/heif-enc")) && Files.isExecutable(Path.of("/usr/bin/heif-convert"));
    }

    /** Encodes {@code source} (PNG or JPEG) into {@code heic}, with heif-enc's {@code options} (e.g. a thumbnail). */
    public static Path encode(Path source, Path heic, String... options) throws IOException, InterruptedException {
        assumeTrue(installed(), MISSING);
        List<String> command = new java.util.ArrayList<>(List.of("/usr/bin/heif-enc", "-q", "90"));
        command.addAll(List.of(options));
        command.addAll(List.of("-o", heic.toString(), source.toString()));
        run(command);
        return heic;
    }

    /** The primary picture's pixels (ARGB, row by row), decoded by libheif. */
    public static int[] pixels(Path heic) throws IOException, InterruptedException {
        assumeTrue(installed(), MISSING);
        Path png = Files.createTempFile(heic.getParent(), "decoded", ".png");
        try {
            run(List.of("/usr/bin/heif-convert", heic.toString(), png.toString()));
            BufferedImage image = ImageIO.read(png.toFile());
            return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        } finally {
            Files.deleteIfExists(png);
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(command.get(0) + " did not finish");
        }
        if (process.exitValue() != 0) {
            throw new IOException(command + " failed: " + new String(out, StandardCharsets.UTF_8));
        }
    }
}

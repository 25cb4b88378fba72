package io.github.camelicloud.app.credentials;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A secret kept in a file ({@code --password-file}, {@code --s3-secret-key-file}) rather than on the command line,
 * where every user of the machine can read it with {@code ps}: the file's first line, without its line break.
 */
public final class SecretFile {

    private SecretFile() {
    }

    /** @throws IllegalArgumentException naming the flag when the file cannot be read or is empty */
    public static String read(Path file, String flag) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            if (line == null || line.isEmpty()) {
                throw new IllegalArgumentException(flag + " " + file + " is empty: put the secret on its first line");
            }
            return line;
        } catch (IOException e) {
            throw new IllegalArgumentException(flag + " " + file + " cannot be read (" + e.getClass().getSimpleName()
                    + "): give a readable file, e.g. one made with install -m 600");
        }
    }
}

package io.github.camelicloud.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Java 17 takes the encoding of the command line, of file names and of the console from the locale. Under the
 * C/POSIX locale (cron, systemd units, slim containers, {@code env -i}) that is ASCII: a non-ASCII password
 * reaches Apple garbled, a non-ASCII folder cannot be named and a photo with a non-ASCII name cannot be
 * written. Such a JVM starts the program again in the C.UTF-8 locale (keeping the user's language), handing
 * it the original arguments as the bytes they were (read from {@code /proc/self/cmdline}, passed in
 * {@value #ARGUMENTS}), and exits with its exit code.
 */
final class Utf8Relaunch {

    /** In the relaunched JVM: {@code 1:} and the arguments, NUL-separated UTF-8 bytes in Base64. */
    static final String ARGUMENTS = "CAMEL_ICLOUD_UTF8_ARGS";
    private static final String LOCALE = "C.UTF-8";
    private static final Logger LOG = LoggerFactory.getLogger(Utf8Relaunch.class);

    private Utf8Relaunch() {
    }

    /** Relaunches in a UTF-8 locale when this JVM's is not one; the relaunched run's exit code, else empty. */
    static OptionalInt ifNeeded(String[] args) throws InterruptedException {
        if (utf8() || System.getenv(ARGUMENTS) != null) {
            return OptionalInt.empty();
        }
        Optional<List<byte[]>> commandLine = commandLine();
        if (commandLine.isEmpty() || commandLine.get().size() <= args.length) {
            return OptionalInt.empty(); // not Linux, or started in a way we cannot repeat
        }
        List<byte[]> all = commandLine.get();
        List<String> launcher = new ArrayList<>();
        for (byte[] part : all.subList(0, all.size() - args.length)) {
            if (!ascii(part)) {
                return OptionalInt.empty(); // a java path or option we could not pass on unchanged
            }
            launcher.add(new String(part, StandardCharsets.US_ASCII));
        }
        launcher.addAll(1, languageOptions());
        ProcessBuilder builder = new ProcessBuilder(launcher).inheritIO();
        builder.environment().put("LC_ALL", LOCALE);
        builder.environment().put(ARGUMENTS, encode(all.subList(all.size() - args.length, all.size())));
        Process relaunched;
        try {
            relaunched = builder.start();
        } catch (IOException e) {
            return OptionalInt.empty();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(relaunched), "utf8-relaunch-stop"));
        return OptionalInt.of(relaunched.waitFor());
    }

    /** The arguments this run works with: the original ones in a relaunched JVM, else {@code args}. */
    static String[] arguments(String[] args) {
        String passed = System.getenv(ARGUMENTS);
        if (passed == null || !passed.startsWith("1:")) {
            return args;
        }
        if (!utf8()) {
            LOG.warn("The {} locale is missing: file names with characters other than ASCII cannot be written."
                    + " Install it, or set LANG to a UTF-8 locale the system has (see `locale -a`)", LOCALE);
        }
        byte[] bytes = Base64.getDecoder().decode(passed.substring(2));
        if (bytes.length == 0) {
            return new String[0];
        }
        return new String(bytes, StandardCharsets.UTF_8).split("\0", -1);
    }

    /** Whether names and arguments are UTF-8 in this JVM. */
    static boolean utf8() {
        try {
            return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8")).equals(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    private static Optional<List<byte[]>> commandLine() {
        byte[] raw;
        try {
            raw = Files.readAllBytes(Path.of("/proc/self/cmdline"));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.empty();
        }
        List<byte[]> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == 0) {
                parts.add(Arrays.copyOfRange(raw, start, i));
                start = i + 1;
            }
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(parts);
    }

    /** The user's language and country, which the C.UTF-8 locale would otherwise turn into English. */
    private static List<String> languageOptions() {
        List<String> options = new ArrayList<>();
        for (String key : List.of("user.language", "user.country", "user.variant", "user.script")) {
            String value = System.getProperty(key, "");
            if (!value.isEmpty() && ascii(value.getBytes(StandardCharsets.UTF_8))) {
                options.add("-D" + key + "=" + value);
            }
        }
        return options;
    }

    private static String encode(List<byte[]> args) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                joined.write(0);
            }
            joined.writeBytes(args.get(i));
        }
        return "1:" + Base64.getEncoder().encodeToString(joined.toByteArray());
    }

    private static boolean ascii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /** This JVM is being stopped (kill, Ctrl+C): the relaunched one stops too, and gets time to finish cleanly. */
    private static void stop(Process relaunched) {
        if (relaunched.isAlive()) {
            relaunched.destroy();
            try {
                relaunched.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

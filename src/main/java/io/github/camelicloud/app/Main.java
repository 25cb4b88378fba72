package io.github.camelicloud.app;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** {@code java -jar camel-icloud.jar [options]}, {@code ... simulator [options]}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                System.out, System.console() != null));
    }

    /** Runs the command line with the given console; returns the exit code. */
    public static int run(String[] args, BufferedReader in, PrintStream out, boolean interactive) {
        CommandLine cli = new CommandLine(new SyncCommand(in, out, interactive));
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli.execute(args);
    }
}

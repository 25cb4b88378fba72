package io.github.camelicloud.app;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/**
 * Runs the CLI in-process with a scripted console and captures what it prints on stdout (prompts, paths
 * and, as with icloudpd, log lines) and on stderr.
 */
record CliRun(int exitCode, String output, String errors) {

    static synchronized CliRun of(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        System.setOut(capture); // logback's console appenders write to whatever System.out/err are now
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = Main.run(args, new BufferedReader(new StringReader(stdin)), capture, false);
            return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
            originalOut.print(out.toString(StandardCharsets.UTF_8));
            originalErr.print(err.toString(StandardCharsets.UTF_8));
        }
    }
}

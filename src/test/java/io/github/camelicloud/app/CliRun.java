package io.github.camelicloud.app;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/** Runs the CLI in-process with a scripted console and captures everything it prints, logs included. */
record CliRun(int exitCode, String output) {

    static synchronized CliRun of(String stdin, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        PrintStream original = System.out;
        System.setOut(capture); // logback's console appender writes to whatever System.out is now
        try {
            int code = Main.run(args, new BufferedReader(new StringReader(stdin)), capture, false);
            return new CliRun(code, bytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
            original.print(bytes.toString(StandardCharsets.UTF_8));
        }
    }
}

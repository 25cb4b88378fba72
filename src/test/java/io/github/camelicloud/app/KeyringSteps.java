package io.github.camelicloud.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs {@link KeyringRoundTripTest}'s steps in one JVM inside the test's private D-Bus session (one JVM start
 * instead of one per step): {@code cli} steps run the command line in-process, {@code sh} steps run a tool
 * (secret-tool, Python's keyring). Each step leaves {@code NAME.out} and {@code NAME.rc} in the folder.
 * A steps file line: {@code name TAB cli|sh TAB stdin (\n escaped) TAB command}.
 */
final class KeyringSteps {

    private KeyringSteps() {
    }

    public static void main(String[] args) throws Exception {
        Path steps = Path.of(args[0]);
        Path folder = steps.getParent();
        for (String line : Files.readAllLines(steps, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", 4);
            String name = f[0];
            String stdin = f[2].replace("\\n", "\n");
            int rc;
            String out;
            if (f[1].equals("cli")) {
                CliRun run = CliRun.of(stdin, f[3].split(" "));
                rc = run.exitCode();
                out = run.output() + run.errors();
            } else {
                Process p = new ProcessBuilder(List.of("bash", "-c", f[3])).redirectErrorStream(true).start();
                p.getOutputStream().close();
                out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                rc = p.waitFor();
            }
            Files.writeString(folder.resolve(name + ".out"), out);
            Files.writeString(folder.resolve(name + ".rc"), Integer.toString(rc));
        }
        System.exit(0); // Camel and OkHttp threads of the runs must not keep the session open
    }
}

package io.github.camelicloud.app;

import io.github.camelicloud.app.credentials.Keyring;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine;

/**
 * {@code java -jar camel-icloud.jar [options]} (icloudpd's command line), {@code ... simulator [options]}, or with
 * no arguments next to an {@code application.properties}: the bundled Camel routes.
 */
public final class Main {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] original) throws Exception {
        java.util.OptionalInt relaunched = Utf8Relaunch.ifNeeded(original); // C/POSIX locale: names need UTF-8
        if (relaunched.isPresent()) {
            System.exit(relaunched.getAsInt());
        }
        String[] args = Utf8Relaunch.arguments(original);
        if (args.length == 0 && Files.isRegularFile(Path.of("application.properties"))) {
            try {
                runCamelMain(); // the routes of ./routes, configured by ./application.properties
            } catch (Exception e) {
                LOG.error("The Camel application did not start: {}", rootMessage(e));
                LOG.debug("Start failed", e);
                System.exit(1);
            }
            return;
        }
        System.exit(run(args, new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                System.out, System.console() != null));
    }

    /** The deepest cause's message: what the user must change (Camel wraps it in route and context errors). */
    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? e.toString() : root.getMessage();
    }

    /** Starts camel-main with ./application.properties and ./routes/*.camel.yaml until the process is stopped. */
    static void runCamelMain() throws Exception {
        org.apache.camel.main.Main main = new org.apache.camel.main.Main();
        main.setDefaultPropertyPlaceholderLocation("file:application.properties");
        // a stopping icloud: consumer cuts its pass and downloads, so a shutdown is over in moments; Camel's 45 s
        // would outlast podman stop's 10 s. camel.main.shutdown-timeout in application.properties still wins.
        main.configure().setShutdownTimeout(5);
        main.addMainListener(new io.github.camelicloud.cluster.ClusterMainListener()); // icloud.cluster.*
        // bounded by Camel's shutdown timeout (5 s, or camel.main.shutdown-timeout) and then some
        ShutdownLog shutdownLog = new ShutdownLog().holdExitUntilStopped(Duration.ofSeconds(120));
        main.addMainListener(shutdownLog);
        try {
            main.run();
        } finally {
            shutdownLog.over();
        }
    }

    /** Runs the command line with the given console; returns the exit code. */
    public static int run(String[] args, BufferedReader in, PrintStream out, boolean interactive) {
        return run(args, in, out, interactive, BundledRoutes.WatchRounds.FOR_EVER);
    }

    /** As above; with several --username and a watch, {@code rounds} hears each round and may end the watch. */
    static int run(String[] args, BufferedReader in, PrintStream out, boolean interactive,
            BundledRoutes.WatchRounds rounds) {
        CommandLine cli = new CommandLine(new SyncCommand(in, out, interactive));
        cli.addSubcommand("icloud", new KeyringCommand(in, out, Keyring.system()));
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler(new UsageErrors());
        cli.setExecutionExceptionHandler(UsageErrors::failed);
        cli.setExecutionStrategy(CommandLineChecks.thenRun(new CommandLine.RunLast()));
        if (args.length == 0 || !args[0].equals("simulator")) {
            try {
                AccountArguments accounts = AccountArguments.split(cli.getCommandSpec(), args);
                if (accounts.several()) {
                    return SeveralAccounts.run(accounts, in, out, interactive, rounds);
                }
            } catch (IllegalArgumentException e) {
                return UsageErrors.report(e.getMessage());
            }
        }
        return cli.execute(args);
    }
}

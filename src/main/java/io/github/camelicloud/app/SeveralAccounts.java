package io.github.camelicloud.app;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Runs the sync of several accounts, one after the other, each with its own client, session (cookie file)
 * and options, as icloudpd does with repeated {@code --username}. With {@code --watch-with-interval}, every
 * interval runs every account again. One account failing does not stop the others; the exit code is the
 * worst of them.
 */
final class SeveralAccounts {

    private static final Logger LOG = LoggerFactory.getLogger(SeveralAccounts.class);

    /** Waits between watch rounds; false stops watching (tests end after a number of rounds). */
    @FunctionalInterface
    interface Pause {
        boolean await(Duration interval) throws InterruptedException;

        Pause SLEEP = interval -> {
            Thread.sleep(interval.toMillis());
            return true;
        };
    }

    private final AccountArguments arguments;
    private final BufferedReader in;
    private final PrintStream out;
    private final boolean interactive;
    private final Pause pause;

    SeveralAccounts(AccountArguments arguments, BufferedReader in, PrintStream out, boolean interactive, Pause pause) {
        this.arguments = arguments;
        this.in = in;
        this.out = out;
        this.interactive = interactive;
        this.pause = pause;
    }

    int run() {
        List<SyncCommand> accounts = new ArrayList<>();
        Integer watch = null;
        for (int i = 0; i < arguments.accounts().size(); i++) {
            SyncCommand account = new SyncCommand(in, out, interactive);
            CommandLine cli = new CommandLine(account);
            cli.setCaseInsensitiveEnumValuesAllowed(true);
            cli.setOverwrittenOptionsAllowed(true); // an account's own options win over the shared ones
            try {
                CommandLineChecks.check(cli.parseArgs(arguments.of(i)));
            } catch (CommandLine.ParameterException e) {
                return UsageErrors.report("Account " + (i + 1) + " (--username " + arguments.username(i) + "): "
                        + e.getMessage() + " (options before the first --username apply to every account, options"
                        + " after a --username to that account)");
            }
            if (cli.isUsageHelpRequested() || cli.isVersionHelpRequested()) {
                return new CommandLine(new SyncCommand(in, out, interactive)).execute("--help");
            }
            if (i > 0 && !Objects.equals(watch, account.watchWithInterval)) {
                return UsageErrors.report("--watch-with-interval applies to every account: give it once, before the"
                        + " first --username");
            }
            watch = account.watchWithInterval;
            account.watchWithInterval = null; // the rounds are run here, every account in each
            accounts.add(account);
        }
        try {
            while (true) {
                int worst = 0;
                for (int i = 0; i < accounts.size(); i++) {
                    LOG.info("Account {} of {}: {}", i + 1, accounts.size(), accounts.get(i).username);
                    worst = Math.max(worst, accounts.get(i).call());
                }
                if (watch == null || worst == 2) {
                    return worst;
                }
                LOG.info("Waiting for {} sec...", watch);
                if (!pause.await(Duration.ofSeconds(watch))) {
                    return worst;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}

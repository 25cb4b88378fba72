package io.github.camelicloud.app;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import picocli.CommandLine;

/**
 * Reads the command line of several accounts, as icloudpd takes repeated {@code --username}: each account gets
 * its own options (and so its own client, session and destinations), then {@link SyncCommand#runAll} runs the
 * routes of all of them in one camel-main. One account failing does not stop the others; the exit code is the
 * worst of them.
 */
final class SeveralAccounts {

    /** Options of the process, not of an account: the alert routes and the metrics server are shared. */
    private static final List<String> PROCESS_OPTIONS = List.of("--smtp-", "--notification-", "--metrics-");

    private SeveralAccounts() {
    }

    static int run(AccountArguments arguments, BufferedReader in, PrintStream out, boolean interactive,
            BundledRoutes.WatchRounds rounds) {
        List<SyncCommand> accounts = new ArrayList<>();
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
            if (i > 0 && !Objects.equals(accounts.get(0).watchWithInterval, account.watchWithInterval)) {
                return UsageErrors.report("--watch-with-interval applies to every account: give it once, before the"
                        + " first --username");
            }
            for (String own : arguments.accounts().get(i)) {
                if (PROCESS_OPTIONS.stream().anyMatch(own::startsWith)) {
                    return UsageErrors.report(own.split("=", 2)[0] + " applies to every account: give it once, before"
                            + " the first --username");
                }
            }
            accounts.add(account);
        }
        return SyncCommand.runAll(accounts, rounds);
    }
}

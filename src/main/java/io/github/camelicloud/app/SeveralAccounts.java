package io.github.camelicloud.app;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Reads the command line of several accounts, as icloudpd takes repeated {@code --username} ({@link
 * AccountArguments}): each account gets its own options (and so its own client, session, destinations and alerts),
 * then {@link SyncCommand#runAll} runs the routes of all of them in one camel-main. One account failing does not stop
 * the others; the exit code is the worst of them.
 */
final class SeveralAccounts {

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
            accounts.add(account);
        }
        return SyncCommand.runAll(accounts, rounds);
    }
}

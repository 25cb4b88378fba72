package io.github.camelicloud.app;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Several accounts on one command line, by icloudpd 1.32.2's rules ({@code cli.parse}): the global options are taken
 * from anywhere and apply to the whole run; the rest is split at each {@code --username} (or {@code -u}), which
 * starts an account: options before the first one apply to every account, options after it to that account only,
 * where they win over the shared ones (lists such as {@code --album} add up). The SMTP and notification options
 * are an account's, as in icloudpd: each account may mail its alerts elsewhere.
 *
 * @param shared   the options before the first {@code --username}, and the global options from anywhere
 * @param accounts each account's own options, starting with its {@code --username}
 */
record AccountArguments(List<String> shared, List<List<String>> accounts) {

    /**
     * icloudpd's global options ({@code add_global_options}), and ours that belong to the process (one metrics
     * server).
     */
    static final Set<String> GLOBAL = Set.of("-h", "--help", "-V", "--version", "--use-os-locale",
            "--only-print-filenames", "--log-level", "--no-progress-bar", "--threads-num", "--domain",
            "--watch-with-interval", "--password-provider", "--mfa-provider", "--metrics-port", "--metrics-host");

    /**
     * Splits a command line into the global and shared options and each account's; {@code command} knows which
     * options take a value. Throws IllegalArgumentException for an account named twice.
     */
    static AccountArguments split(CommandSpec command, String... args) {
        List<String> shared = new ArrayList<>();
        List<List<String>> accounts = new ArrayList<>();
        List<String> current = shared;
        boolean optionsEnded = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!optionsEnded && startsAccount(arg)) {
                current = new ArrayList<>();
                accounts.add(current);
            }
            optionsEnded |= arg.equals("--");
            String name = arg.split("=", 2)[0];
            if (!optionsEnded && current != shared && GLOBAL.contains(name)) {
                shared.add(arg); // global: the whole run's, wherever it stands
                if (!arg.contains("=") && takesValue(command, name) && i + 1 < args.length) {
                    shared.add(args[++i]);
                }
                continue;
            }
            current.add(arg);
        }
        Set<String> seen = new LinkedHashSet<>();
        for (List<String> account : accounts) {
            String name = username(account);
            if (name != null && !seen.add(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("--username " + name + " is given twice: give each account once,"
                        + " with its own options after its --username");
            }
        }
        return new AccountArguments(List.copyOf(shared), accounts.stream().map(List::copyOf).toList());
    }

    /** More than one account: each runs with its own client, session and options. */
    boolean several() {
        return accounts.size() > 1;
    }

    /** The command line of account {@code i}: the shared options, then its own (later ones win). */
    String[] of(int i) {
        List<String> all = new ArrayList<>(shared);
        all.addAll(accounts.get(i));
        return all.toArray(String[]::new);
    }

    /** The Apple ID of account {@code i} as given, or null when its --username has no value. */
    String username(int i) {
        return username(accounts.get(i));
    }

    private static boolean takesValue(CommandSpec command, String name) {
        OptionSpec option = command.findOption(name);
        return option != null && option.arity().max() > 0;
    }

    private static boolean startsAccount(String arg) {
        return arg.equals("-u") || arg.equals("--username") || arg.startsWith("--username=") || arg.startsWith("-u=");
    }

    private static String username(List<String> account) {
        String first = account.get(0);
        int eq = first.indexOf('=');
        if (eq > 0) {
            return first.substring(eq + 1);
        }
        return account.size() > 1 ? account.get(1) : null;
    }
}

package io.github.camelicloud.app;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Several accounts on one command line, as icloudpd takes them: each {@code --username} (or {@code -u})
 * starts an account; options before the first one apply to every account, options after it to that account
 * only, where they win over the shared ones (lists such as {@code --album} add up).
 *
 * @param shared   the options before the first {@code --username}
 * @param accounts each account's options, starting with its {@code --username}
 */
record AccountArguments(List<String> shared, List<List<String>> accounts) {

    /** Splits a command line at each {@code --username}; throws IllegalArgumentException for an account named twice. */
    static AccountArguments split(String... args) {
        List<String> shared = new ArrayList<>();
        List<List<String>> accounts = new ArrayList<>();
        List<String> current = shared;
        boolean optionsEnded = false;
        for (String arg : args) {
            if (!optionsEnded && startsAccount(arg)) {
                current = new ArrayList<>();
                accounts.add(current);
            }
            optionsEnded |= arg.equals("--");
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

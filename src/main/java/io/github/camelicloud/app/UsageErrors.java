package io.github.camelicloud.app;

import java.io.PrintStream;
import java.io.PrintWriter;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Every mistake on the command line, picocli's and ours alike, ends the same way: one line on stderr saying
 * what is wrong, a hint where to look, exit code 2. A command failing unexpectedly is one logged line, exit 1.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {

    static final int EXIT_CODE = 2;
    private static final String HINT = "See 'camel-icloud --help' for the options.";

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println(e.getMessage());
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            err.println("Did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?");
        }
        String command = e.getCommandLine().getCommandSpec().qualifiedName();
        err.println(command.equals("camel-icloud") ? HINT : "See 'camel-icloud " + command.replace(
                "camel-icloud ", "") + " --help' for the options.");
        err.flush();
        return EXIT_CODE;
    }

    /** A command that failed unexpectedly: its message on one line, exit code 1; the stack trace at debug level. */
    static int failed(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) {
        LoggerFactory.getLogger(UsageErrors.class).error("{}: {}", e.getClass().getSimpleName(), e.getMessage(), e);
        return 1;
    }

    /** Our own checks' findings, said the same way; returns the exit code. */
    static int report(String message) {
        PrintStream err = System.err;
        err.println(message);
        err.println(HINT);
        err.flush();
        return EXIT_CODE;
    }
}

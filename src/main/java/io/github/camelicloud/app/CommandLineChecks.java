package io.github.camelicloud.app;

import io.github.camelicloud.app.credentials.SecretFile;
import io.github.camelicloud.sync.NumericOption;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Checks of the parsed command line that picocli's types cannot express, before anything runs: each numeric
 * flag's range ({@link NumericOption}, shared with the endpoint), a download folder this system can name, and
 * secrets' files that can be read.
 */
final class CommandLineChecks {

    private CommandLineChecks() {
    }

    /** Runs the checks, then the command; a failed check is a usage error (stderr, exit 2). */
    static CommandLine.IExecutionStrategy thenRun(CommandLine.IExecutionStrategy run) {
        return parsed -> {
            check(parsed);
            return run.execute(parsed);
        };
    }

    /** @throws ParameterException naming the flag and what it accepts */
    static void check(ParseResult parsed) {
        if (parsed.subcommand() != null) {
            return; // the simulator and the keyring command check their own
        }
        try {
            for (NumericOption option : NumericOption.values()) {
                if (option.cliName() != null && parsed.hasMatchedOption(option.cliName())) {
                    Number value = parsed.matchedOptionValue(option.cliName(), null);
                    if (value != null) {
                        option.checkFlag(value.longValue());
                    }
                }
            }
            if (parsed.hasMatchedOption("--directory")) {
                folder(parsed.matchedOptionValue("--directory", ""));
            }
            secretFile(parsed, "--password-file", "--password");
            secretFile(parsed, "--s3-secret-key-file", "--s3-secret-key");
        } catch (IllegalArgumentException e) {
            throw new ParameterException(parsed.commandSpec().commandLine(), e.getMessage(), e);
        }
    }

    /** A secret's file must be readable, and is the only way the secret is given. */
    private static void secretFile(ParseResult parsed, String fileFlag, String flag) {
        if (parsed.hasMatchedOption(fileFlag)) {
            if (parsed.hasMatchedOption(flag)) {
                throw new IllegalArgumentException("Give " + flag + " or " + fileFlag + ", not both");
            }
            SecretFile.read(parsed.matchedOptionValue(fileFlag, (Path) null), fileFlag);
        }
    }

    private static void folder(String directory) {
        try {
            Path.of(directory);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("--directory " + directory + " cannot be named with this system's"
                    + " character set (" + System.getProperty("sun.jnu.encoding") + "): run with a UTF-8 locale,"
                    + " e.g. LANG=C.UTF-8");
        }
    }
}

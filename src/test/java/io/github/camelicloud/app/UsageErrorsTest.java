package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every mistake on the command line is refused before anything runs (the domain here answers nothing: a
 * sign-in would end in exit 1), with exit code 2 and one line on stderr naming the flag, then a hint.
 */
class UsageErrorsTest {

    @TempDir
    Path work;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--threads-num 0|--threads-num must be from 1 to 1000, got 0",
        "--max-retries -1|--max-retries must be 0 or more, got -1",
        "--retry-delay -1|--retry-delay must be from 0 to 86400, got -1",
        "--recent -1|--recent must be 0 or more, got -1",
        "--until-found 0|--until-found must be 1 or more, got 0",
        "--watch-with-interval 0|--watch-with-interval must be 1 or more, got 0",
        "--connect-timeout 0|--connect-timeout must be from 1 to 86400, got 0",
        "--read-timeout -5|--read-timeout must be from 1 to 86400, got -5",
        "--metrics-port 70000|--metrics-port must be from 1 to 65535, got 70000",
        "--webui-port -1|--webui-port must be from 0 to 65535, got -1",
        "--keep-icloud-recent-days -1|--keep-icloud-recent-days must be 0 or more, got -1",
        "--sftp-uri sftp://u@h/x --sftp-port 0|--sftp-port must be from 1 to 65535, got 0",
        "--skip-created-before 2024-06-01 --skip-created-after 2024-01-01|The date window is empty",
        "--sftp-uri sftp://u@h/x --sftp-host other|Give the SFTP server either as --sftp-uri or as --sftp-host",
        "--folder-structure ../../etc/{:%Y}|would put files outside the download folder",
        "--folder-structure /tmp/{:%Y}|would put files outside the download folder",
        "--no-such-flag|Unknown option: '--no-such-flag'",
        "--max-retries many|Invalid value for option '--max-retries'",
    })
    void aBadCommandLineIsOneLineOnStderrAndExitCode2(String flags, String message) {
        List<String> args = new ArrayList<>(List.of("--username", "u@example.com", "--password", "pw", "--domain",
                "http://127.0.0.1:1", "--cookie-directory", work.resolve("cookies").toString(), "--directory",
                work.resolve("photos").toString()));
        args.addAll(List.of(flags.split(" ")));
        CliRun run = CliRun.of("", args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.errors()).isEqualTo(2);
        assertThat(run.errors()).contains(message).contains("--help").doesNotContain("\tat ", "Exception");
        assertThat(run.errors().lines().count()).as(run.errors()).isLessThanOrEqualTo(3);
        assertThat(run.output()).doesNotContain("argument:", message);
    }

    @Test
    void ourOwnFindingsLookLikePicocliOnes() {
        CliRun noUser = CliRun.of("", "--directory", work.toString());
        assertThat(noUser.exitCode()).isEqualTo(2);
        assertThat(noUser.errors()).contains("Missing --username", "--help");

        CliRun twice = CliRun.of("", "-u", "a@example.com", "-d", "x", "-u", "A@example.com", "-d", "y");
        assertThat(twice.exitCode()).isEqualTo(2);
        assertThat(twice.errors()).contains("is given twice", "--help");
        assertThat(twice.output()).doesNotContain("argument:");
    }

    @Test
    void suggestionsFollowAMisspelledFlag() {
        CliRun run = CliRun.of("", "--username", "u@example.com", "--directroy", work.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errors()).contains("Unknown options: '--directroy'", "Did you mean", "--directory");
    }
}

package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.github.camelicloud.destinations.S3TestServer;
import io.github.camelicloud.destinations.StoredFile;
import io.github.camelicloud.simulator.NewAsset;
import io.github.camelicloud.testing.JarProcess;
import io.github.camelicloud.testing.MailServers;
import io.github.camelicloud.testing.ManifestAssert;
import io.github.camelicloud.testing.S3Extension;
import io.github.camelicloud.testing.SimulatorExtension;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several {@code --username} in one run of the shipped jar, by icloudpd's rules: each account's routes (folder and
 * S3 here) in one Camel context, each account's own alert mail (its {@code --smtp-*}/{@code --notification-*}
 * after its {@code --username}), one summary line per account, and the worst account's exit code while the others
 * sync. And
 * {@code --only-print-filenames} prints exactly what the next real run writes, clashes of same-name photos included.
 */
class JarSeveralAccountsIT {

    private static final String ANN = "ann@example.com";
    private static final String BOB = "bob@example.com";
    private static final String PRINT = "print@example.com";
    private static final Instant MAY = Instant.parse("2024-05-01T08:00:00Z");

    @RegisterExtension
    static final SimulatorExtension apple = SimulatorExtension.of(b -> b.assets(4).seed(21).videoSize(200_000)
            .account(ANN + ":pw:mfa,trust-days=3").account(BOB + ":pw:mfa,trust-days=3")
            .account(PRINT + ":pw:nomfa"));
    @RegisterExtension
    static final S3Extension s3 = new S3Extension();
    @RegisterExtension
    static final GreenMailExtension mail = MailServers.smtp();

    @TempDir
    static Path work;

    @Test
    void twoAccountsEachToItsFolderAndBucketWithItsOwnAlertMailBesideOneThatFails() throws Exception {
        s3.get().createBucket("ann");
        s3.get().createBucket("bob");
        Path ann = work.resolve("ann");
        Path bob = work.resolve("bob");
        List<String> args = new ArrayList<>(List.of("--password", "pw", "--cookie-directory",
                work.resolve("cookies").toString(), "--state-directory", work.resolve("state").toString(),
                // shared by both accounts: the mail server (icloudpd's defaults before the first --username)
                "--smtp-host", "127.0.0.1", "--smtp-port", String.valueOf(mail.getSmtp().getPort()), "--smtp-no-tls",
                "--smtp-username", MailServers.USER, "--smtp-password", MailServers.PASSWORD,
                "--mfa-expiry-warning-days", "5"));
        args.addAll(account(ANN, ann, "ann", "ann@mail.test"));
        // an account that cannot sign in: the others run, the exit code is the worst account's
        args.addAll(List.of("-u", "nobody@example.com", "--password", "wrong", "-d", work.resolve("nobody").toString()));
        args.addAll(account(BOB, bob, "bob", "bob@mail.test"));
        // global options, taken from anywhere as icloudpd does: they apply to both accounts
        args.addAll(List.of("--domain", apple.get().baseUrl(), "--no-progress-bar"));
        String code = apple.get().mfaCode() + "\n";
        JarProcess.Result run = JarProcess.jar(work, args.toArray(String[]::new)).stdin(code + code).run();

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        ManifestAssert.holdsTheLibrary("Ann's folder", StoredFile.under(ann), apple.get().manifest(ANN));
        ManifestAssert.holdsTheLibrary("Ann's bucket", bucket("ann"), apple.get().manifest(ANN));
        ManifestAssert.holdsTheLibrary("Bob's folder", StoredFile.under(bob), apple.get().manifest(BOB));
        ManifestAssert.holdsTheLibrary("Bob's bucket", bucket("bob"), apple.get().manifest(BOB));
        assertThat(run.output()).containsPattern(summary(ANN, ann, "\\d+ delivered"))
                .containsPattern(summary(BOB, bob, "\\d+ delivered")).doesNotContain(MailServers.PASSWORD)
                .contains("nobody@example.com: failed (exit code 1)");

        MimeMessage[] mails = mail.getReceivedMessages();
        assertThat(mails).as("one trust warning per account, each to its own recipient").hasSize(2);
        assertThat(Arrays.stream(mails).map(JarSeveralAccountsIT::recipientAndSubject).collect(Collectors.toSet()))
                .isEqualTo(Set.of("ann@mail.test " + ANN, "bob@mail.test " + BOB));
    }

    @Test
    void onlyPrintFilenamesPrintsWhatTheNextRunWritesClashesIncluded() throws Exception {
        Path photos = work.resolve("print");
        String dup = "2024/05/01/DUP";
        apple.get().addAsset(PRINT, new NewAsset("DUP.JPG", null, 8000, MAY.plusSeconds(3), null));
        apple.get().addAsset(PRINT, new NewAsset("DUP.JPG", null, 9000, MAY.plusSeconds(2), null));
        JarProcess.Result first = print(photos).run();
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(StoredFile.under(photos)).extracting(StoredFile::key).contains(dup + ".JPG", dup + "-9000.JPG");

        // another photo of the name and size of the first: the folder's record knows DUP.JPG is another photo's
        apple.get().addAsset(PRINT, new NewAsset("DUP.JPG", null, 8000, MAY.plusSeconds(1), null));
        List<StoredFile> before = StoredFile.under(photos);
        JarProcess.Result printed = print(photos, "--only-print-filenames").run();
        assertThat(printed.exitCode()).as(printed.output()).isZero();
        assertThat(dataLines(printed)).containsExactly(photos + "/" + dup + "-8000.JPG");
        assertThat(StoredFile.under(photos)).as("printing writes nothing").isEqualTo(before);

        JarProcess.Result real = print(photos).run();
        assertThat(real.exitCode()).as(real.output()).isZero();
        List<String> written = StoredFile.under(photos).stream().filter(f -> !before.contains(f))
                .map(f -> photos + "/" + f.key()).toList();
        assertThat(written).as("what the real run wrote").isEqualTo(dataLines(printed));
        ManifestAssert.holdsTheLibrary("folder", StoredFile.under(photos), apple.get().manifest(PRINT));
    }

    private static List<String> account(String user, Path folder, String bucket, String recipient) {
        return List.of("-u", user, "-d", folder.toString(), "--s3-bucket", bucket, "--s3-prefix", "icloud/",
                "--s3-endpoint", s3.get().endpoint(), "--s3-region", "us-east-1", "--s3-access-key",
                S3TestServer.ACCESS_KEY, "--s3-secret-key", S3TestServer.SECRET_KEY, "--notification-email", recipient);
    }

    private static JarProcess print(Path photos, String... more) {
        List<String> args = new ArrayList<>(List.of("--username", PRINT, "--password", "pw", "--domain",
                apple.get().baseUrl(), "--cookie-directory", work.resolve("cookies-print").toString(),
                "--state-directory", work.resolve("state-print").toString(), "--no-progress-bar", "-d",
                photos.toString()));
        args.addAll(List.of(more));
        return JarProcess.jar(work, args.toArray(String[]::new));
    }

    /** The account's line at the end of a run of several: its destinations' summaries. */
    private static String summary(String user, Path folder, String counts) {
        return "\\Q" + user + ": " + folder + ": \\E" + counts;
    }

    /** What the run printed on stdout: the log lines (on stderr with --only-print-filenames) start with a date. */
    private static List<String> dataLines(JarProcess.Result run) {
        return run.output().lines().filter(l -> !l.matches("^\\d{4}-\\d{2}-\\d{2} .*") && !l.isBlank()).toList();
    }

    private static String recipientAndSubject(MimeMessage mail) {
        try {
            String subject = mail.getSubject();
            String account = subject.contains(ANN) ? ANN : subject.contains(BOB) ? BOB : subject;
            return mail.getAllRecipients()[0] + " " + account;
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bucket's objects, keys without the prefix. */
    private static List<StoredFile> bucket(String name) throws Exception {
        return s3.get().objects(name).stream().map(o -> {
            assertThat(o.key()).startsWith("icloud/");
            return new StoredFile(o.key().substring("icloud/".length()), o.size(), o.sha256());
        }).toList();
    }
}

package io.github.camelicloud.simulator;

import io.github.camelicloud.simulator.hosts.AppleHosts;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code camel-icloud simulator}: runs the fake iCloud in the foreground until killed, so any client
 * (ours, icloudpd, a browser-less script) can sign in against it.
 */
@Command(name = "simulator", mixinStandardHelpOptions = true,
        description = "Run a local iCloud simulator (sign-in, MFA, accountLogin, CloudKit Photos with a generated "
                + "library per account, downloads) until killed.")
public final class SimulatorCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", description = "TCP port on 127.0.0.1 (0 = any free port). "
            + "Default: ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--account", paramLabel = "EMAIL:PASSWORD[:FLAGS]",
            description = "An account (repeatable). FLAGS, comma-separated: mfa (default), 2sa, nomfa, fido, adp, "
                    + "not-ready, locked; Apple's 2026 changes: hsa2-409 (a valid code answers 409 with a session"
                    + " token), hsa2-409-no-token (409 without it), strict-origin (code and trust calls need the"
                    + " web app's Origin/Referer and no extra X-Apple-* headers), primary-zone=NAME (the primary"
                    + " Photos zone is NAME, e.g. PrimarySync1), zone-errors (a zone-fetch error entry ahead of the"
                    + " healthy zones in zones/list), cmm-zone (an extra CMM-... share-link zone), short-pages (records/query answers partial batches), app-password (a refused password answers -20283, as an"
                    + " app-specific one does); and trust-days=N"
                    + " (this account's trust duration, overriding --trust-days)."
                    + " Default: demo@example.com:demo-password:mfa")
    List<String> accounts = new ArrayList<>();

    @Option(names = "--mfa-code", defaultValue = "123456", description = "The code every second factor accepts. "
            + "Default: ${DEFAULT-VALUE}")
    String mfaCode;

    @Option(names = "--trust-days", defaultValue = "60", description = "How long 2sv/trust lasts, in days "
            + "(decimals allowed). Default: ${DEFAULT-VALUE}")
    double trustDays;

    @Option(names = "--not-ready-seconds", defaultValue = "20", description = "How long not-ready accounts answer "
            + "400 after their first CloudKit call. Default: ${DEFAULT-VALUE}")
    double notReadySeconds;

    @Option(names = "--srp-iterations", defaultValue = "20000", description = "PBKDF2 iterations offered at "
            + "signin/init. Default: ${DEFAULT-VALUE}")
    int srpIterations;

    @Option(names = "--legacy-hsa2-page", description = "Put trusted phone numbers at the pre-2026 location of the "
            + "HSA2 page (twoSV.phoneNumberVerification).")
    boolean legacyHsa2Page;

    @Option(names = "--assets", defaultValue = "50", paramLabel = "N", description = "Generated photos and videos "
            + "in each account's library (JPEG, HEIC, PNG, live photos, videos, RAW+JPEG, edits, bursts, hidden and "
            + "recently deleted items, albums); a Shared Library with 4 more comes too. Default: ${DEFAULT-VALUE}")
    int assets;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Seed of the generated libraries: "
            + "the same seed gives the same libraries, byte for byte. Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--video-size", paramLabel = "BYTES", converter = ByteSize.class, description = "Size of every "
            + "generated video's original, e.g. 500M or 3G (K, M, G, T are powers of 1024). The bytes are produced "
            + "while streaming, so huge videos cost no memory. Default: 3-20 MB each")
    long videoSize;

    @Option(names = "--library-dir", paramLabel = "DIR", description = "Serve the media files in DIR instead of "
            + "generated ones: one asset per file, type from the extension, date from the modification time, "
            + "name from the file name; sub-folders become albums (two levels: folder/album).")
    Path libraryDir;

    @Option(names = "--apple-hosts", description = "Serve HTTPS for Apple's host names (idmsa.apple.com, "
            + "setup.icloud.com, www.icloud.com, p61-ckdatabasews.icloud.com, cvws.icloud-content.com and the .com.cn "
            + "twins) on 127.0.0.1, with a certificate from a CA made at start; map the names to 127.0.0.1 in the "
            + "hosts file and use --port 443.")
    boolean appleHosts;

    @Option(names = "--ca-out", paramLabel = "FILE", description = "With --apple-hosts: write the CA certificate "
            + "(PEM) to FILE, for the clients to trust.")
    Path caOut;

    @Option(names = "--fault", paramLabel = "SPEC", description = "Inject a fault (repeatable): TYPE,path=PATH"
            + "[,method=M][,count=N][,retry-after=S][,delay-ms=MS][,after=SIZE]. TYPE is an HTTP status (503, 429, 410"
            + " for an expired download URL, 421...) or reset (connection dropped mid-body, half way or after SIZE"
            + " bytes of the answer: reset,path=/B/*,count=1000,after=500M cuts every long download every 500 MB),"
            + " truncate (body shorter than its "
            + "Content-Length), stall (body hangs: the client's read timeout must fire), slow (answer delayed), "
            + "expire-session (every session expires). PATH is exact or a prefix ending in *: /B/* are downloads, "
            + "/database/* CloudKit. Example: --fault 429,path=/database/*,count=2,retry-after=1")
    List<String> faults = new ArrayList<>();

    @Option(names = "--network", paramLabel = "PROFILE", defaultValue = "none", converter = NetworkOption.class,
            description = "The network between clients and the simulator, applied to every answer: lan, broadband, "
                    + "slow, none, or custom:latency-ms=N,per-connection=RATE,link=RATE (RATE like 40mbit or 5M "
                    + "bytes/s; 0 = no cap). See docs/simulator-fidelity.md. Default: ${DEFAULT-VALUE}")
    io.github.camelicloud.simulator.network.NetworkProfile network;

    @Option(names = "--fault-rate", paramLabel = "P", defaultValue = "0", description = "Probability (0..1) that a "
            + "CloudKit call or a download meets a random fault of --fault-types, drawn from --seed. "
            + "Default: ${DEFAULT-VALUE}")
    double faultRate;

    @Option(names = "--fault-types", paramLabel = "TYPES", split = ",", description = "Types of the random faults. "
            + "Default: 503,429,reset,truncate,slow")
    List<String> faultTypes = new ArrayList<>(io.github.camelicloud.simulator.faults.RandomFaults.DEFAULT_TYPES);

    @Override
    public Integer call() throws InterruptedException {
        List<Fault> injected = faults();
        ICloudSimulator simulator;
        try {
            simulator = build().start();
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        injected.forEach(simulator::injectFault);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "icloud-simulator-shutdown"));
        printBanner(simulator, spec.commandLine().getOut());
        stopped.await();
        return 0;
    }

    /** The simulator these options describe, not yet started. */
    ICloudSimulator build() {
        ICloudSimulator.Builder builder = ICloudSimulator.builder().port(port).mfaCode(mfaCode).trustDays(trustDays)
                .notReadyDuration(Duration.ofMillis(Math.round(notReadySeconds * 1000)))
                .srpIterations(srpIterations).legacyHsa2Page(legacyHsa2Page).assets(assets).seed(seed)
                .videoSize(videoSize).libraryDir(libraryDir).appleHosts(appleHosts).caOut(caOut)
                .randomFaults(faultRate, seed, faultTypes).network(network);
        accounts.forEach(builder::account);
        return builder.build();
    }

    /** The --fault specs, checked before anything starts. */
    List<Fault> faults() {
        List<Fault> list = new ArrayList<>();
        for (String fault : faults) {
            try {
                list.add(Fault.parse(fault));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--fault: " + e.getMessage());
            }
        }
        return list;
    }

    /** Base URL and how to sign in; the passwords are fake, so showing them helps a newcomer. */
    static void printBanner(ICloudSimulator simulator, PrintWriter out) {
        if (simulator.appleHosts()) {
            out.println("iCloud simulator serving HTTPS on 127.0.0.1:" + simulator.port() + " for "
                    + String.join(", ", AppleHosts.names()));
        } else {
            out.println("iCloud simulator listening on " + simulator.baseUrl());
        }
        out.println("Accounts (email / password [flags]):");
        for (SimulatorAccount account : simulator.accounts()) {
            out.println("  " + account.email() + " / " + account.password() + " [" + account.flagsText() + "]");
        }
        out.println("Verification code: " + simulator.mfaCode() + "; trust lasts "
                + formatDays(simulator.trustDuration()) + " days");
        out.println("Photo library per account: " + simulator.libraryDescription());
        out.println("Network: " + simulator.network().profile().describe());
        out.println("Test hooks: " + simulator.baseUrl() + "/_simulator/state (see also clock/advance, "
                + "sessions/expire, faults, manifest?account=EMAIL, assets)");
        out.println("Press Ctrl+C to stop.");
        out.flush();
    }

    private static String formatDays(Duration duration) {
        double days = duration.toMillis() / (double) Duration.ofDays(1).toMillis();
        return days == Math.rint(days) ? String.valueOf((long) days) : String.valueOf(days);
    }
}

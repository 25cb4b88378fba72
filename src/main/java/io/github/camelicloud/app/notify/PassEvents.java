package io.github.camelicloud.app.notify;

import io.github.camelicloud.component.ICloudConstants;
import io.github.camelicloud.component.ICloudPassListener;
import io.github.camelicloud.component.PassResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.camel.Message;

/**
 * Turns the passes of one account's routes (one per destination) into events. A pass of the account starts when its
 * first route starts one and ends when every route ended its own: then one {@code pass-finished} with the counts of
 * each destination, or one {@code pass-failed}. A failure of the same kind as the last one is sent as repeated (only
 * pings hear it again) until a pass works ({@code pass-recovered}); a destination that did not receive every file is
 * {@code destination-down} once, until a pass delivers everything to it ({@code destination-recovered}). The account's
 * MFA alerts, heard by each route, are {@code mfa-expiring} / {@code mfa-required} (the consumer sends each once).
 */
public final class PassEvents {

    private static final int DIGEST_NAMES = 20;

    private final String account;
    private final Consumer<NotifyEvent> sink;
    private final boolean newPhotoDigest;
    private final List<Route> routes = new ArrayList<>();
    private final Map<Route, Outcome> round = new LinkedHashMap<>();
    private final Set<String> destinationsDown = new HashSet<>();
    private Instant roundStarted;
    private String lastFailureKind;
    private boolean failureReported;

    public PassEvents(String account, Consumer<NotifyEvent> sink, boolean newPhotoDigest) {
        this.account = account;
        this.sink = sink;
        this.newPhotoDigest = newPhotoDigest;
    }

    /** A listener for one more route (destination) of the account. */
    public synchronized ICloudPassListener route() {
        Route route = new Route();
        routes.add(route);
        return route;
    }

    /**
     * The run failed before or around its passes (a sign-in that failed, a destination that could not start): one
     * {@code pass-failed}, unless a pass already reported the failure (as failed, or with files not delivered).
     */
    public void runFailed(Exception error) {
        synchronized (this) {
            if (failureReported) {
                return;
            }
        }
        failed(error);
    }

    private void failed(Throwable error) {
        FailureAdvice advice = FailureAdvice.of(error, account);
        NotifyEvent event = NotifyEvent.of(EventKind.PASS_FAILED, account, "camel-icloud: the sync of " + account
                + " failed", advice.reason() + "\nWhat to do: " + advice.action(), Map.of("reason", advice.reason(),
                        "action", advice.action(), "failureKind", advice.kind()));
        boolean repeated;
        synchronized (this) {
            repeated = advice.kind().equals(lastFailureKind);
            lastFailureKind = advice.kind();
            failureReported = true;
        }
        sink.accept(repeated ? event.asRepeated() : event);
    }

    private void started() {
        boolean first;
        synchronized (this) {
            first = roundStarted == null;
            if (first) {
                roundStarted = Instant.now();
            }
        }
        if (first) {
            sink.accept(NotifyEvent.of(EventKind.PASS_STARTED, account, "camel-icloud: syncing " + account,
                    "A pass over the iCloud library of " + account + " started", Map.of()));
        }
    }

    /** Records a route's end of pass; the last route of the round sends the round's events. */
    private void ended(Route route, Outcome outcome) {
        Map<Route, Outcome> ended;
        Instant started;
        synchronized (this) {
            if (round.containsKey(route)) {
                round.clear(); // a route polled again before the others ended: the round is over for it
            }
            round.put(route, outcome);
            if (round.size() < routes.size()) {
                return;
            }
            ended = new LinkedHashMap<>(round);
            round.clear();
            started = roundStarted == null ? Instant.now() : roundStarted;
            roundStarted = null;
        }
        Optional<Throwable> error = ended.values().stream().map(Outcome::error).flatMap(Optional::stream).findFirst();
        if (error.isPresent()) {
            failed(error.get());
        } else {
            finished(ended.values().stream().map(o -> o.result).toList(), ended.values(), started);
        }
    }

    private void finished(List<PassResult> results, java.util.Collection<Outcome> outcomes, Instant started) {
        int delivered = results.stream().mapToInt(PassResult::delivered).sum();
        int already = results.stream().mapToInt(PassResult::alreadyThere).sum();
        int skipped = results.stream().mapToInt(PassResult::skipped).sum();
        int failed = results.stream().mapToInt(PassResult::failed).sum();
        long bytes = outcomes.stream().mapToLong(o -> o.bytes).sum();
        long seconds = Duration.between(started, Instant.now()).toSeconds();
        List<Map<String, Object>> perDestination = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Outcome o : outcomes) {
            PassResult r = o.result;
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("destination", r.destination());
            d.put("delivered", r.delivered());
            d.put("already", r.alreadyThere());
            d.put("skipped", r.skipped());
            d.put("failed", r.failed());
            d.put("bytes", o.bytes);
            perDestination.add(d);
            text.append(text.length() == 0 ? "" : "\n").append(r.summary());
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("delivered", delivered);
        fields.put("already", already);
        fields.put("skipped", skipped);
        fields.put("failed", failed);
        fields.put("bytes", bytes);
        fields.put("durationSeconds", seconds);
        fields.put("destinations", perDestination);
        boolean recovered;
        synchronized (this) {
            recovered = lastFailureKind != null;
            lastFailureKind = null;
            failureReported |= failed > 0; // destination-down says it; the run's end must not say it again
        }
        sink.accept(NotifyEvent.of(EventKind.PASS_FINISHED, account, "camel-icloud: " + account + ": " + delivered
                + " delivered" + (failed > 0 ? ", " + failed + " failed" : ""), text + "\n(" + seconds + " s)", fields));
        if (recovered) {
            sink.accept(NotifyEvent.of(EventKind.PASS_RECOVERED, account, "camel-icloud: the sync of " + account
                    + " works again", text.toString(), fields));
        }
        for (Outcome o : outcomes) {
            destination(o.result);
        }
        // the destination that received the most: each destination gets its own copy of the same new files
        Outcome most = outcomes.stream().max(java.util.Comparator.comparingInt(o -> o.files)).orElseThrow();
        if (newPhotoDigest && most.files > 0) {
            int count = most.files;
            sink.accept(NotifyEvent.of(EventKind.NEW_PHOTOS, account, "camel-icloud: " + count + " new"
                    + (count == 1 ? " file" : " files") + " from " + account, String.join("\n", most.names)
                    + (count > most.names.size() ? "\n… and " + (count - most.names.size()) + " more" : ""),
                    Map.of("count", count, "files", most.names)));
        }
    }

    private void destination(PassResult r) {
        boolean down = r.failed() > 0;
        boolean changed;
        synchronized (this) {
            changed = down ? destinationsDown.add(r.destination()) : destinationsDown.remove(r.destination());
        }
        if (!changed) {
            return;
        }
        Map<String, Object> fields = Map.of("destination", r.destination(), "failed", r.failed());
        sink.accept(down
                ? NotifyEvent.of(EventKind.DESTINATION_DOWN, account, "camel-icloud: " + r.destination()
                        + " did not receive " + r.failed() + (r.failed() == 1 ? " file" : " files"), r.summary()
                        + "\nWhat to do: check the destination; the next pass sends what is missing", fields)
                : NotifyEvent.of(EventKind.DESTINATION_RECOVERED, account, "camel-icloud: " + r.destination()
                        + " receives files again", r.summary(), fields));
    }

    /** How one route's pass ended: a result (with the bytes and names it delivered), or an error. */
    private static final class Outcome {
        private final PassResult result;
        private final Throwable failure;
        private final long bytes;
        private final int files;
        /** The first {@value #DIGEST_NAMES} of the files (a first sync delivers a whole library). */
        private final List<String> names;

        private Outcome(PassResult result, Throwable failure, long bytes, int files, List<String> names) {
            this.result = result;
            this.failure = failure;
            this.bytes = bytes;
            this.files = files;
            this.names = names;
        }

        Optional<Throwable> error() {
            return Optional.ofNullable(failure);
        }
    }

    /** An MFA alert of the icloud: consumer (its headers) as an event. */
    static NotifyEvent mfaEvent(Message alert) {
        String name = alert.getHeader(ICloudConstants.MFA_EVENT, "mfa-required", String.class);
        Map<String, Object> fields = new LinkedHashMap<>();
        Instant expiry = alert.getHeader(ICloudConstants.TRUST_EXPIRES_AT, Instant.class);
        if (expiry != null) {
            fields.put("trustExpiresAt", expiry.toString());
        }
        fields.put("reauthenticationCommand", alert.getHeader(ICloudConstants.REAUTHENTICATION_COMMAND, "",
                String.class));
        return NotifyEvent.of(EventKind.of(name), alert.getHeader(ICloudConstants.USERNAME, "", String.class),
                alert.getHeader(ICloudConstants.MFA_SUBJECT, "", String.class), alert.getBody(String.class), fields);
    }

    private final class Route implements ICloudPassListener {
        private long bytes;
        private int files;
        private final List<String> names = new ArrayList<>();

        @Override
        public synchronized void passStarted() {
            bytes = 0;
            files = 0;
            names.clear();
            started();
        }

        @Override
        public synchronized void fileDelivered(String relativePath, long size) {
            bytes += size;
            files++;
            if (names.size() < DIGEST_NAMES) {
                names.add(relativePath);
            }
        }

        @Override
        public void mfaAlert(Message alert) {
            sink.accept(mfaEvent(alert));
        }

        @Override
        public void passCompleted(PassResult result) {
            Outcome outcome;
            synchronized (this) {
                outcome = new Outcome(result, null, bytes, files, List.copyOf(names));
            }
            ended(this, outcome);
        }

        @Override
        public void passFailed(Exception error) {
            ended(this, new Outcome(null, error, 0, 0, List.of()));
        }
    }
}

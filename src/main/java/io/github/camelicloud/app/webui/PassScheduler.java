package io.github.camelicloud.app.webui;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.spi.ScheduledPollConsumerScheduler;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.service.ServiceSupport;

/**
 * Runs an {@code icloud:} consumer's polls like Camel's default scheduler (the consumer's initial delay, then its
 * delay after each pass ends), on one thread, so it can also say when the next pass is and start it now ("sync now"
 * on the web page): the pass never runs twice at once, and a request made during a pass starts another one
 * right after it.
 */
final class PassScheduler extends ServiceSupport implements ScheduledPollConsumerScheduler {

    private final Clock clock;
    private CamelContext camel;
    private ScheduledPollConsumer consumer;
    private ScheduledExecutorService executor;
    private Runnable task;
    private ScheduledFuture<?> next;
    private Instant nextAt;
    private boolean started;
    private boolean running;
    private boolean again;

    PassScheduler(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void onInit(Consumer polled) {
        consumer = (ScheduledPollConsumer) polled;
    }

    @Override
    public synchronized void scheduleTask(Runnable poll) {
        task = poll;
    }

    @Override
    public synchronized void startScheduler() {
        if (executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "icloud-pass-" + consumer.getEndpoint().getEndpointKey().hashCode());
                t.setDaemon(true);
                return t;
            });
        }
        started = true;
        plan(consumer.getTimeUnit().toMillis(Math.max(0, consumer.getInitialDelay())));
    }

    @Override
    public synchronized boolean isSchedulerStarted() {
        return started;
    }

    /** Camel's end of the schedule (the repeat count reached, the consumer stopping). */
    @Override
    public synchronized void unscheduleTask() {
        started = false;
        if (next != null) {
            next.cancel(false);
        }
        next = null;
        nextAt = null;
    }

    /** Starts the next pass now, or right after the running one; false when no pass is scheduled any more. */
    synchronized boolean runNow() {
        if (!started) {
            return false;
        }
        if (running) {
            again = true;
            return true;
        }
        if (next != null) {
            next.cancel(false);
        }
        plan(0);
        return true;
    }

    /** When the next pass starts: empty while one runs or when none is scheduled. */
    synchronized Optional<Instant> nextPass() {
        return running ? Optional.empty() : Optional.ofNullable(nextAt);
    }

    synchronized boolean running() {
        return running;
    }

    private void plan(long delayMs) {
        nextAt = clock.instant().plusMillis(delayMs);
        next = executor.schedule(this::pass, delayMs, TimeUnit.MILLISECONDS);
    }

    private void pass() {
        synchronized (this) {
            running = true;
            next = null;
            nextAt = null;
        }
        try {
            task.run();
        } finally {
            synchronized (this) {
                running = false;
                if (started && next == null) {
                    plan(again ? 0 : consumer.getTimeUnit().toMillis(consumer.getDelay()));
                }
                again = false;
            }
        }
    }

    @Override
    protected synchronized void doStop() {
        unscheduleTask();
    }

    @Override
    protected synchronized void doShutdown() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public CamelContext getCamelContext() {
        return camel;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        camel = camelContext;
    }
}

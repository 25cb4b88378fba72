package io.github.camelicloud.simulator.network;

import java.util.concurrent.atomic.AtomicLong;

/** A clock that only moves when someone sleeps: the model's waits become numbers a test can add up. */
final class VirtualTime implements Time {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final AtomicLong slept = new AtomicLong();

    @Override
    public long nanoTime() {
        return now.get();
    }

    @Override
    public void sleepNanos(long nanos) {
        if (nanos > 0) {
            now.addAndGet(nanos);
            slept.addAndGet(nanos);
        }
    }

    /** Time passing without a sleep (a client thinking, another connection idle). */
    void advance(long nanos) {
        now.addAndGet(nanos);
    }

    double sleptSeconds() {
        return slept.get() / 1e9;
    }

    double seconds() {
        return now.get() / 1e9;
    }
}

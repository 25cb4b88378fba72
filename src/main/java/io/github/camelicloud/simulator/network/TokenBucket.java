package io.github.camelicloud.simulator.network;

/**
 * A bandwidth cap: tokens (bytes) accrue at {@code bytesPerSecond} up to {@code burst}. A taker reserves what it
 * sends (the balance may go negative) and waits until the balance would have covered it, so concurrent takers
 * queue in arrival order and together never exceed the rate. A sleep that oversleeps loses nothing while the
 * bucket is below its burst.
 */
public final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1e9;

    private final double bytesPerSecond;
    private final double burst;
    private final Time time;
    private double balance;
    private long last;

    public TokenBucket(long bytesPerSecond, long burst, Time time) {
        if (bytesPerSecond <= 0 || burst <= 0) {
            throw new IllegalArgumentException("rate and burst must be positive");
        }
        this.bytesPerSecond = bytesPerSecond;
        this.burst = burst;
        this.time = time;
        this.last = time.nanoTime();
        this.balance = burst;
    }

    /** Takes {@code bytes} tokens, waiting until the cap allows them. */
    public void take(long bytes) throws InterruptedException {
        time.sleepNanos(reserve(bytes));
    }

    /** Reserves {@code bytes} tokens now; returns how long (ns) the taker must wait before sending them. */
    synchronized long reserve(long bytes) {
        long now = time.nanoTime();
        balance = Math.min(burst, balance + (now - last) * bytesPerSecond / NANOS_PER_SECOND);
        last = now;
        balance -= bytes;
        return balance >= 0 ? 0 : (long) Math.ceil(-balance * NANOS_PER_SECOND / bytesPerSecond);
    }

    public long bytesPerSecond() {
        return (long) bytesPerSecond;
    }
}

package io.github.camelicloud.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that runs with a base clock plus an offset that only grows, so tests and the
 * {@code /_simulator/clock/advance} hook can jump past trust expiry or the not-ready window.
 */
public final class SimulatorClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset;
    private final ZoneId zone;

    private SimulatorClock(Clock base, AtomicReference<Duration> offset, ZoneId zone) {
        this.base = base;
        this.offset = offset;
        this.zone = zone;
    }

    /** Real time, advanceable. */
    public static SimulatorClock system() {
        return new SimulatorClock(Clock.systemUTC(), new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
    }

    /** Frozen at {@code start} until advanced. */
    public static SimulatorClock fixed(Instant start) {
        return new SimulatorClock(Clock.fixed(start, ZoneOffset.UTC), new AtomicReference<>(Duration.ZERO),
                ZoneOffset.UTC);
    }

    /** Moves time forward; negative amounts are refused because issued tokens assume time never goes back. */
    public void advance(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("the simulator clock only moves forward, got " + amount);
        }
        offset.accumulateAndGet(amount, Duration::plus);
    }

    public Duration offset() {
        return offset.get();
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        // Shares the offset so a zoned view keeps following advance().
        return new SimulatorClock(base.withZone(newZone), offset, newZone);
    }
}

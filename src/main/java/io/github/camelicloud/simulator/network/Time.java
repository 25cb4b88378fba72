package io.github.camelicloud.simulator.network;

/** Where the model reads the time and waits: the system's, or a test's virtual clock. */
public interface Time {

    Time SYSTEM = new Time() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepNanos(long nanos) throws InterruptedException {
            if (nanos > 0) {
                Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            }
        }
    };

    long nanoTime();

    void sleepNanos(long nanos) throws InterruptedException;
}

package io.github.camelicloud.simulator.faults;

import io.github.camelicloud.simulator.Fault;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Injected faults in the order given; each match uses up one of a fault's {@code count}. */
public final class FaultQueue {

    private final List<Fault> pending = new ArrayList<>();

    public synchronized void add(Fault fault) {
        pending.add(fault);
    }

    public synchronized void clear() {
        pending.clear();
    }

    public synchronized List<Fault> pending() {
        return List.copyOf(pending);
    }

    /** The first fault matching the request, with its remaining count decremented (removed at zero). */
    public synchronized Optional<Fault> take(String method, String path) {
        for (int i = 0; i < pending.size(); i++) {
            Fault fault = pending.get(i);
            if (fault.matches(method, path)) {
                if (fault.count() == 1) {
                    pending.remove(i);
                } else {
                    pending.set(i, fault.times(fault.count() - 1));
                }
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }
}

package io.github.camelicloud.simulator.faults;

import io.github.camelicloud.simulator.Fault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Faults drawn at random, for soak runs and benchmarks: each CloudKit call and download fails with probability
 * {@code rate}, with a type picked evenly from {@code types}. Seeded, so the same requests in the same order
 * meet the same faults. Sign-in and setup are left alone: a client rightly never replays a sign-in POST.
 */
public final class RandomFaults {

    /** Parts of a sync every client retries. */
    public static final List<String> PATHS = List.of("/database/*", "/B/*");
    /** Types that a correct client survives without a longer timeout than the default. */
    public static final List<String> DEFAULT_TYPES = List.of("503", "429", "reset", "truncate", "slow");

    private final double rate;
    private final List<Fault> templates;
    private final Random random;

    /**
     * @param rate  probability (0..1) that a request fails
     * @param seed  seed of the draws
     * @param types HTTP statuses and fault kinds, as {@code --fault} names them
     */
    public RandomFaults(double rate, long seed, List<String> types) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("fault rate must be between 0 and 1, got " + rate);
        }
        if (types.isEmpty()) {
            throw new IllegalArgumentException("random faults need at least one type, e.g. 503,reset");
        }
        this.rate = rate;
        this.templates = types.stream().map(RandomFaults::template).toList();
        this.random = new Random(seed);
    }

    private static Fault template(String type) {
        Fault fault = Fault.parse(type.trim() + ",path=*");
        return switch (fault.kind()) {
            case STATUS -> fault.status() == 429 || fault.status() == 503 ? fault.retryAfter(Duration.ofSeconds(1))
                    : fault;
            case SLOW -> fault.delay(Duration.ofMillis(300));
            case STALL -> fault.delay(Duration.ofSeconds(90)); // past the client's default read timeout (60 s)
            default -> fault;
        };
    }

    /** The fault this request meets, if any. */
    public synchronized Optional<Fault> draw(String method, String path) {
        if (PATHS.stream().noneMatch(p -> path.startsWith(p.substring(0, p.length() - 1)))) {
            return Optional.empty();
        }
        if (random.nextDouble() >= rate) {
            return Optional.empty();
        }
        return Optional.of(templates.get(random.nextInt(templates.size())));
    }

    public double rate() {
        return rate;
    }

    public List<String> types() {
        return templates.stream().map(Fault::typeName).toList();
    }
}

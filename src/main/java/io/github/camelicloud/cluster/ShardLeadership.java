package io.github.camelicloud.cluster;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shards this node leads and the epoch it took each under. Every state write for an account goes through
 * {@link #write}: it carries the shard's epoch, and when the database refuses it while this node still believes it
 * leads, the node is a stale leader (paused, cut off) and is stopped ({@code onStale}: halt, the supervisor restarts
 * it). A write refused after the node gave the shard up only fails.
 */
public final class ShardLeadership {

    private static final Logger LOG = LoggerFactory.getLogger(ShardLeadership.class);
    /** How long a write waits for the epoch of a shard whose leadership is being taken. */
    private static final long EPOCH_WAIT_SECONDS = 30;

    private final ClusterDatabase database;
    private final String node;
    private final Shards shards;
    private final Consumer<String> onStale;
    private final Map<Integer, Term> terms = new ConcurrentHashMap<>();

    /** One shard's leadership on this node: the epoch once taken, and whether it is still ours. */
    private static final class Term {
        final CompletableFuture<Long> epoch = new CompletableFuture<>();
        volatile boolean current = true;
    }

    public ShardLeadership(ClusterDatabase database, String node, Shards shards, Consumer<String> onStale) {
        this.database = database;
        this.node = node;
        this.shards = shards;
        this.onStale = onStale;
    }

    public ClusterDatabase database() {
        return database;
    }

    public Shards shards() {
        return shards;
    }

    public String node() {
        return node;
    }

    /** ZooKeeper made this node the shard's leader: takes a new epoch, which fences the previous leader. */
    public void gained(int shard) {
        Term term = new Term();
        Term previous = terms.put(shard, term);
        if (previous != null) {
            previous.current = false;
        }
        try {
            long epoch = database.takeShard(shard, node);
            term.epoch.complete(epoch);
            LOG.info("Node {} leads shard {} (epoch {})", node, shard, epoch);
        } catch (RuntimeException e) {
            term.epoch.completeExceptionally(e);
            onStale.accept("Node " + node + " could not take shard " + shard + ": " + e.getMessage());
        }
    }

    /** The shard is no longer ours (lost or handed back); writes still in flight are fenced by the database. */
    public void lost(int shard) {
        Term term = terms.get(shard);
        if (term != null && term.current) {
            term.current = false;
            LOG.info("Node {} no longer leads shard {}", node, shard);
        }
    }

    /** The shards this node leads now. */
    public Set<Integer> led() {
        Set<Integer> led = new TreeSet<>();
        terms.forEach((shard, term) -> {
            if (term.current) {
                led.add(shard);
            }
        });
        return led;
    }

    /**
     * Whether this node leads the account's shard now, its epoch taken (waited for while it is being taken): the
     * consumer's {@link io.github.camelicloud.component.ICloudPollGate}, asked before a poll and before each file.
     */
    public boolean leads(String account) {
        int shard = shards.of(account);
        Term term = terms.get(shard);
        if (term == null || !term.current) {
            return false;
        }
        try {
            epochOf(term, shard);
        } catch (StaleLeaderException e) {
            return false;
        }
        return term.current;
    }

    /** Runs a state write for the account's shard under this node's epoch (one transaction). */
    public <T> T write(String account, String what, ClusterDatabase.Work<T> work) {
        int shard = shards.of(account);
        Term term = terms.get(shard);
        if (term == null) {
            throw new StaleLeaderException("Node " + node + " does not lead shard " + shard + ": its write of " + what
                    + " was refused");
        }
        long epoch = epochOf(term, shard);
        try {
            return database.fenced(shard, epoch, node, what, work);
        } catch (StaleLeaderException e) {
            if (term.current) {
                onStale.accept(e.getMessage() + ": another node leads it, this one stops");
            }
            throw e;
        }
    }

    private long epochOf(Term term, int shard) {
        try {
            return term.epoch.get(EPOCH_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StaleLeaderException("Interrupted while node " + node + " took shard " + shard);
        } catch (ExecutionException | TimeoutException e) {
            throw new StaleLeaderException("Node " + node + " has no epoch for shard " + shard + ": " + e);
        }
    }
}

package io.github.camelicloud.app.destination;

import io.github.camelicloud.sync.DestinationRecord;
import io.github.camelicloud.sync.HeldFile;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * A destination's {@link DestinationRecord} as a Camel service (opened when the routes start, closed when they
 * stop) and as the {@code idempotentRepository} a route names. The route's destination step records each file
 * with its path and SHA-256 ({@link RemoteDelivery}); as a repository it answers whether a delivery key is held.
 */
public final class DeliveredRecord extends ServiceSupport implements IdempotentRepository {

    /** Opens the record's journal (a file, a table). */
    @FunctionalInterface
    interface Opener {
        DestinationRecord.Journal open() throws Exception;
    }

    private final String name;
    private final String where;
    private final Opener opener;
    private volatile DestinationRecord record;

    /** @param where where the record is kept (a file, a database; no secret): part of what names it */
    DeliveredRecord(String name, String where, Opener opener) {
        this.name = name;
        this.where = where;
        this.opener = opener;
    }

    @Override
    protected synchronized void doStart() throws Exception {
        if (record == null) {
            record = DestinationRecord.open(opener.open());
        }
    }

    @Override
    protected synchronized void doStop() throws Exception {
        if (record != null) {
            record.close();
            record = null;
        }
    }

    /** The record; opened on first use when the routes did not start it yet. */
    public DestinationRecord record() {
        DestinationRecord r = record;
        if (r == null) {
            start();
            r = record;
        }
        return r;
    }

    @Override
    public boolean contains(String key) {
        return record().of(key).isPresent();
    }

    /** Delivery keys alone explain no file: the destination step records each file with its path. */
    @Override
    public boolean add(String key) {
        return false;
    }

    @Override
    public boolean remove(String key) {
        DestinationRecord r = record();
        return r.of(key).map(HeldFile::path).map(p -> {
            r.remove(p);
            return true;
        }).orElse(false);
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    @Override
    public void clear() {
        throw new UnsupportedOperationException("The record of " + name + " is never cleared as a whole");
    }

    @Override
    public String toString() {
        return "record:" + name + "@" + where;
    }
}

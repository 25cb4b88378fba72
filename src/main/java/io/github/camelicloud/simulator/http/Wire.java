package io.github.camelicloud.simulator.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;

/**
 * How answers travel back to the client: the hook of the network model ({@code simulator.network}).
 * {@link #LOOPBACK} adds nothing.
 */
@FunctionalInterface
public interface Wire {

    Wire LOOPBACK = exchange -> raw -> raw;

    /**
     * Called when a request has arrived, before its answer is written; may wait (the network's latency).
     * Returns how the answer's body travels.
     */
    Leg arrive(HttpExchange exchange) throws IOException;

    /** The way of one answer's body. */
    @FunctionalInterface
    interface Leg {
        OutputStream body(OutputStream raw);
    }
}

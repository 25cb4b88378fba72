package io.github.camelicloud.app.webui;

import io.github.camelicloud.client.ICloudException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Binds an address once before a server starts on it. Vert.x reports a failed bind on its own thread only (a
 * logged stack trace, and the start goes on): checked first, a taken port is a clear error that ends the run
 * before anything is announced there.
 */
public final class PortCheck {

    private PortCheck() {
    }

    /** @throws ICloudException naming {@code what} and {@code hint} when {@code host:port} cannot be bound */
    public static void bindable(String host, int port, String what, String hint) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true); // as Vert.x binds: only a listening socket makes the port taken
            socket.bind(new InetSocketAddress(host, port));
        } catch (IOException | IllegalArgumentException | SecurityException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new ICloudException("Cannot serve " + what + " on " + host + ":" + port + ": " + why
                    + (why.contains("in use") ? " (another program listens there)" : "") + ". " + hint);
        }
    }
}

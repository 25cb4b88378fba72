package io.github.camelicloud.app.webui;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run's one web page, whatever the number of accounts: the first account that wants it starts the server (with
 * its settings); every account that wants it gets a card of its own there, and what is typed into a card goes to
 * that account's sign-in alone. One status view lists the routes of all of them.
 */
public final class WebPage implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebPage.class);

    private final List<WebUiState> accounts = new CopyOnWriteArrayList<>();
    private final PassBoard board;
    private WebUiServer server;
    private WebUiSettings settings;

    public WebPage(Clock clock) {
        board = new PassBoard(clock);
    }

    /** A card for {@code username}; the server starts (or fails, with a clear message) on the first call. */
    public synchronized WebUiState join(WebUiSettings wanted, String username) {
        if (server == null) {
            server = WebUiServer.start(wanted, accounts, board);
            settings = wanted;
        } else if (!wanted.host().equals(settings.host()) || wanted.port() != settings.port()) {
            LOG.warn("One web page serves every account: {} uses the page on {} (the --webui-* options of the first"
                    + " account that wants the page)", username, server.address());
        }
        WebUiState state = new WebUiState(username);
        accounts.add(state);
        return state;
    }

    public synchronized Optional<String> address() {
        return Optional.ofNullable(server).map(WebUiServer::address);
    }

    public PassBoard board() {
        return board;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}

package io.github.camelicloud.testing;

/**
 * {@link TlsMailServer} for a test class:
 * {@code @RegisterExtension static final TlsMailExtension mail = new TlsMailExtension(TlsMailServer.Mode.STARTTLS);}.
 */
public final class TlsMailExtension extends ServerExtension<TlsMailServer> {

    private final TlsMailServer.Mode mode;

    public TlsMailExtension(TlsMailServer.Mode mode) {
        this.mode = mode;
    }

    @Override
    protected TlsMailServer start() {
        return new TlsMailServer(mode);
    }
}

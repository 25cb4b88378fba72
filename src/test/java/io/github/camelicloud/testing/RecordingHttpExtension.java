package io.github.camelicloud.testing;

/**
 * A {@link RecordingHttpServer} for a test class or each test:
 * {@code @RegisterExtension final RecordingHttpExtension hooks = new RecordingHttpExtension();} then
 * {@code hooks.get().url("/hook")} and {@code hooks.get().requests()}.
 */
public final class RecordingHttpExtension extends ServerExtension<RecordingHttpServer> {

    @Override
    protected RecordingHttpServer start() throws Exception {
        return new RecordingHttpServer();
    }
}

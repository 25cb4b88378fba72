package io.github.camelicloud.simulator.http;

/** Answers one request. Handlers are stateless; state lives in {@code SimulatorState}. */
@FunctionalInterface
public interface Handler {

    Response handle(Request request) throws Exception;
}

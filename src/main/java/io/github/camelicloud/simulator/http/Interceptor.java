package io.github.camelicloud.simulator.http;

import java.util.Optional;

/** Runs before routing and may answer in the handler's place (fault injection, later: host checks). */
@FunctionalInterface
public interface Interceptor {

    Optional<Response> intercept(Request request);
}

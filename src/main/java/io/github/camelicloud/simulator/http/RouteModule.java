package io.github.camelicloud.simulator.http;

/** A group of endpoints (idmsa, setup, CloudKit, hooks, ...) that registers itself on the router. */
@FunctionalInterface
public interface RouteModule {

    void register(Router router);
}

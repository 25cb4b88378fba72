package io.github.camelicloud.simulator.cloudkit;

import io.github.camelicloud.simulator.http.Response;

/** Answers an authenticated CloudKit call. */
@FunctionalInterface
public interface CloudKitHandler {

    Response handle(CloudKitRequest request) throws Exception;
}

package io.github.camelicloud.client.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A legacy two-step (2SA) device. {@code raw} is Apple's object, echoed back verbatim when a code is
 * sent or checked (icloud-protocol.md §5.5).
 */
public record TwoStepDevice(String displayName, ObjectNode raw) {

    public TwoStepDevice {
        raw = raw.deepCopy();
    }

    @Override
    public ObjectNode raw() {
        return raw.deepCopy();
    }
}

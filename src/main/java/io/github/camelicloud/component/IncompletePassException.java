package io.github.camelicloud.component;

import io.github.camelicloud.client.ICloudException;

/** A pass ran but some files did not reach the route's destination; they are sent again by the next pass. */
public final class IncompletePassException extends ICloudException {

    private final transient PassResult result;

    public IncompletePassException(PassResult result) {
        super(result.failed() + (result.failed() == 1 ? " file" : " files") + " could not be delivered to "
                + result.destination() + "; the next pass tries again");
        this.result = result;
    }

    public PassResult result() {
        return result;
    }
}

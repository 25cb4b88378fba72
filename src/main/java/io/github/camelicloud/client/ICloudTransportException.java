package io.github.camelicloud.client;

/** Apple could not be reached, or the connection broke or timed out before an answer arrived. */
public class ICloudTransportException extends ICloudException {

    public ICloudTransportException(String what, Throwable cause) {
        super("Cannot connect to Apple iCloud service (" + what + "): " + describe(cause)
                + ". Check the network connection and the --domain setting, then try again.", cause, 0, null, true);
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : " " + message);
    }
}

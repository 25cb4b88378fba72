package io.github.camelicloud.client;

/** iCloud refused the photo database: Advanced Data Protection, or "Access iCloud Data on the Web" is off. */
public class WebAccessDisabledException extends ICloudServiceException {

    public WebAccessDisabledException(String reason, int statusCode, String code) {
        super("iCloud refused access to the photo library (" + code + ": " + reason + "). This happens when"
                + " 'Access iCloud Data on the Web' is off, which is the default with Advanced Data Protection."
                + " On an iPhone open Settings > [your name] > iCloud and turn on 'Access iCloud Data on the Web'"
                + " (on a Mac: System Settings > [your name] > iCloud), then try again. If it is already on, Apple"
                + " may be throttling this account: wait a few minutes before the next attempt.",
                statusCode, code);
    }
}

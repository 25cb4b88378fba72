package io.github.camelicloud.simulator.setup;

import io.github.camelicloud.simulator.http.Handler;
import io.github.camelicloud.simulator.http.Request;
import io.github.camelicloud.simulator.http.Response;

/**
 * {@code GET https://www.icloud.com/}: the web app's page, which publishes its build in its script paths
 * ({@code /system/icloud.com/<build>/}) and its mastering number in its boot data. Clients read the build from it
 * instead of sending a stale one. The page's other content, and the boot data's exact shape, are ours.
 */
final class WebAppPageHandler implements Handler {

    /** The build the simulated web app publishes (pyicloud's values of July 2026, newer than icloudpd's). */
    static final String BUILD_NUMBER = "2534Project66";
    static final String MASTERING_NUMBER = "2534B22";

    @Override
    public Response handle(Request request) {
        String page = "<!DOCTYPE html><html lang=\"en-us\"><head><meta charset=\"utf-8\"><title>iCloud</title>"
                + "<link rel=\"stylesheet\" href=\"/system/icloud.com/" + BUILD_NUMBER + "/en-us/main.css\">"
                + "<script type=\"application/json\" id=\"boot_args\">{\"buildNumber\":\"" + BUILD_NUMBER
                + "\",\"masteringNumber\":\"" + MASTERING_NUMBER + "\"}</script>"
                + "<script src=\"/system/icloud.com/" + BUILD_NUMBER + "/en-us/main.js\"></script></head>"
                + "<body></body></html>";
        return Response.text(200, Response.ICLOUD_HTML, page);
    }
}

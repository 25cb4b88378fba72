package io.github.camelicloud.app;

import io.github.camelicloud.app.log.TerminalText;
import io.github.camelicloud.client.ICloudClient;
import io.github.camelicloud.client.photos.SharedAlbum;
import io.github.camelicloud.component.ICloudConstants;
import io.github.camelicloud.component.ICloudOperations;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * {@code --list-libraries} and {@code --list-albums}: the {@code icloud:} producer's operations with the signed-in
 * client, printed as icloudpd prints them; {@code --list-shared-albums} (no icloudpd counterpart) from the client. (The paths a sync would write are the routes' own: {@code
 * --only-print-filenames} is the endpoint's {@code onlyPrintFilenames}.)
 */
final class LibraryCommands {

    private static final String CLIENT = "icloud-cli-client";

    private LibraryCommands() {
    }

    static void listLibraries(ICloudClient client, PrintStream out) throws Exception {
        print("Libraries:", request(client, ICloudOperations.listLibraries, null), out);
    }

    static void listAlbums(ICloudClient client, String library, PrintStream out) throws Exception {
        print("Albums:", request(client, ICloudOperations.listAlbums, library), out);
    }

    private static void print(String title, List<?> names, PrintStream out) {
        out.println(title);
        names.forEach(name -> out.println(TerminalText.clean(name.toString())));
    }

    private static List<?> request(ICloudClient client, ICloudOperations operation, String library) throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind(CLIENT, client);
            camel.start();
            ProducerTemplate producer = camel.createProducerTemplate();
            Map<String, Object> headers = library == null ? Map.of() : Map.of(ICloudConstants.LIBRARY, library);
            return producer.requestBodyAndHeaders("icloud:photos?client=#" + CLIENT + "&operation=" + operation, null,
                    headers, List.class);
        } catch (CamelExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e; // the client's message (unknown library, ...)
        }
    }

    /** Each Shared Album: its name, and whether the account owns it or subscribes to it (and whose it is). */
    static void listSharedAlbums(ICloudClient client, PrintStream out) {
        out.println("Shared Albums:");
        for (SharedAlbum album : client.sharedStreams().albums()) {
            String whose = album.owned() ? "owned" : album.owner().isEmpty() ? "subscribed"
                    : "subscribed, shared by " + TerminalText.clean(album.owner());
            out.println(TerminalText.clean(album.name()) + " (" + whose + ")");
        }
    }
}

package io.github.camelicloud.app;

import io.github.camelicloud.client.ICloudClient;
import io.github.camelicloud.client.photos.Asset;
import io.github.camelicloud.client.photos.PhotoAlbum;
import io.github.camelicloud.client.photos.PhotoLibrary;
import io.github.camelicloud.client.photos.PhotosService;
import io.github.camelicloud.sync.DownloadPlanner;
import io.github.camelicloud.sync.PlannedFile;
import java.io.PrintStream;
import java.util.Iterator;
import java.util.List;

/** The read-only commands: list libraries, list albums, print the paths a sync would write. */
final class LibraryCommands {

    private final ICloudClient client;
    private final PrintStream out;

    LibraryCommands(ICloudClient client, PrintStream out) {
        this.client = client;
        this.out = out;
    }

    void listLibraries() {
        out.println("Libraries:");
        for (PhotoLibrary library : client.photos().libraries()) {
            out.println(library.name());
        }
    }

    void listAlbums(String libraryName) {
        out.println("Albums:");
        for (String name : library(libraryName).albums().keySet()) {
            out.println(name);
        }
    }

    /**
     * Prints, one per line, the path of every file a sync of the albums would write, in icloudpd's
     * layout ({@code <directory>/<folder>/<name>}). Creates nothing.
     */
    void printFileNames(String libraryName, List<String> albums, Integer recent, String directory,
            DownloadPlanner planner) {
        PhotoLibrary library = library(libraryName);
        List<PhotoAlbum> selected = albums.isEmpty() ? List.of(library.all())
                : albums.stream().map(library::album).toList();
        for (PhotoAlbum album : selected) {
            int count = 0;
            for (Iterator<Asset> it = album.assets(); it.hasNext() && (recent == null || count < recent); count++) {
                for (PlannedFile file : planner.plan(it.next())) {
                    out.println(directory + "/" + file.relativePath());
                }
            }
        }
    }

    private PhotoLibrary library(String name) {
        PhotosService photos = client.photos();
        return photos.library(name == null ? PhotosService.PRIMARY : name);
    }
}

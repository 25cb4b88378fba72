package io.github.camelicloud.app;

import io.github.camelicloud.app.log.TerminalText;
import io.github.camelicloud.client.ICloudClient;
import io.github.camelicloud.client.photos.PhotoAlbum;
import io.github.camelicloud.client.photos.PhotoLibrary;
import io.github.camelicloud.client.photos.SharedAlbum;
import io.github.camelicloud.client.photos.PhotosService;
import io.github.camelicloud.sync.Delivery;
import io.github.camelicloud.sync.LocalFiles;
import io.github.camelicloud.sync.SyncPass;
import io.github.camelicloud.sync.SyncSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

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
            out.println(TerminalText.clean(library.name()));
        }
    }

    void listAlbums(String libraryName) {
        out.println("Albums:");
        for (String name : library(libraryName).albums().keySet()) {
            out.println(TerminalText.clean(name));
        }
    }

    /** Each Shared Album: its name, and whether the account owns it or subscribes to it (and whose it is). */
    void listSharedAlbums() {
        out.println("Shared Albums:");
        for (SharedAlbum album : client.sharedStreams().albums()) {
            String whose = album.owned() ? "owned" : album.owner().isEmpty() ? "subscribed"
                    : "subscribed, shared by " + TerminalText.clean(album.owner());
            out.println(TerminalText.clean(album.name()) + " (" + whose + ")");
        }
    }

    /**
     * Prints, one per line, the path of every file a sync would write, in icloudpd's layout
     * ({@code <directory>/<folder>/<name>}), leaving out what the folder already holds. Creates nothing.
     */
    void printFileNames(String libraryName, List<String> albums, String directory, SyncSettings settings) {
        PhotoLibrary library = library(libraryName);
        List<PhotoAlbum> selected = albums.isEmpty() ? List.of(library.all())
                : albums.stream().map(library::album).toList();
        LocalFiles local = new LocalFiles(Path.of(directory), directory);
        for (PhotoAlbum album : selected) {
            SyncPass pass = new SyncPass(album.assets(), settings, Optional.of(local));
            while (!pass.finished()) {
                for (Delivery d : pass.next(PhotoAlbum.PAGE_SIZE)) {
                    out.println(local.shown(d.relativePath()));
                }
            }
        }
    }

    private PhotoLibrary library(String name) {
        PhotosService photos = client.photos();
        return photos.library(name == null ? PhotosService.PRIMARY : name);
    }
}

package io.github.camelicloud.simulator.library;

import java.time.Instant;
import java.util.List;

/**
 * A CPLAlbum: a user album ({@code albumType} 0) or a folder (3), optionally inside a folder.
 *
 * @param name     the name as given (NFD stays NFD); null only for the root folder
 * @param parentId the enclosing folder's recordName, null at top level
 * @param members  master recordNames, hidden and deleted ones included (listings filter them)
 */
public record Album(String recordName, String name, boolean folder, String parentId, long position,
        List<String> members, String changeTag, Instant created, Instant modified) {

    public static final String ROOT_FOLDER = "----Root-Folder----";

    public Album {
        members = List.copyOf(members);
    }

    public boolean isRoot() {
        return ROOT_FOLDER.equals(recordName);
    }

    public Album renamed(String newName, String newTag, Instant now) {
        return new Album(recordName, newName, folder, parentId, position, members, newTag, created, now);
    }

    public Album withMembers(List<String> newMembers, String newTag, Instant now) {
        return new Album(recordName, name, folder, parentId, position, newMembers, newTag, created, now);
    }
}

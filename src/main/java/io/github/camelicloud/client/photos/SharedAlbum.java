package io.github.camelicloud.client.photos;

/**
 * A Shared Album (shared stream) as {@code webgetalbumslist} lists it.
 *
 * @param guid     {@code albumguid}
 * @param name     its name (untrusted, like a file name)
 * @param owned    the account owns it ({@code sharingtype owned}); else it subscribes to it
 * @param owner    the owner's name when Apple gives it, else empty
 * @param location {@code albumlocation}: the root its asset calls go to
 * @param ctag     {@code albumctag}
 */
public record SharedAlbum(String guid, String name, boolean owned, String owner, String location, String ctag) {
}

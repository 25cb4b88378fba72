package io.github.camelicloud.sync;

import io.github.camelicloud.client.photos.Asset;
import io.github.camelicloud.client.photos.FileTypes;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Local file names from the names Apple stores, which are untrusted input: separators, {@code ..},
 * control characters and over-long names are neutralised here, once, so a name can never reach
 * outside the target folder (icloud-protocol.md §6.8).
 */
public final class FileNames {

    /**
     * Most file systems allow 255 bytes per name; 5 are kept for the {@code .part} of the temporary file a
     * download is written to before it gets its final name.
     */
    static final int MAX_NAME_BYTES = 250;

    private FileNames() {
    }

    /** The asset's base name: Apple's name cleaned, or icloudpd's fallback from the id. */
    public static String baseName(Asset asset, boolean keepUnicode) {
        String name = asset.fileName().map(n -> clean(n, keepUnicode))
                .filter(n -> !n.isBlank() && !n.startsWith("."))
                .orElseGet(() -> fallback(asset));
        return name;
    }

    /** icloudpd's fallback: the id with non-alphanumerics as {@code _}, 12 characters, the type's extension. */
    static String fallback(Asset asset) {
        String id = asset.id().replaceAll("[^0-9A-Za-z]", "_");
        String stem = id.substring(0, Math.min(12, id.length()));
        return stem + "." + asset.itemType().flatMap(FileTypes::extension).orElse("unknown");
    }

    /**
     * Replaces {@code < > : " / \ | ? *}, NUL and every other control character with {@code _} (icloudpd
     * replaces the first set), drops non-ASCII characters unless asked to keep them, makes {@code .} and
     * {@code ..} harmless and cuts the name to 250 UTF-8 bytes, keeping its extension.
     */
    public static String clean(String name, boolean keepUnicode) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f || "<>:\"/\\|?*".indexOf(cp) >= 0) {
                out.append('_');
            } else if (keepUnicode || cp < 0x80) {
                out.appendCodePoint(cp);
            }
        });
        String cleaned = out.toString(); // blanks are kept: icloudpd keeps them, and its folders must match
        if (cleaned.equals(".") || cleaned.equals("..")) {
            cleaned = cleaned.replace('.', '_');
        }
        return truncate(cleaned);
    }

    /** {@code name} with {@code suffix} before its extension: {@code IMG_1.JPG} → {@code IMG_1-medium.JPG}. */
    public static String withSuffix(String name, String suffix) {
        int dot = extensionDot(name);
        return dot < 0 ? truncate(name + suffix) : truncate(name.substring(0, dot) + suffix + name.substring(dot));
    }

    /** {@code name} with its extension replaced (or added). */
    public static String withExtension(String name, String extension) {
        int dot = extensionDot(name);
        return truncate((dot < 0 ? name : name.substring(0, dot)) + "." + extension);
    }

    public static String stem(String name) {
        int dot = extensionDot(name);
        return dot < 0 ? name : name.substring(0, dot);
    }

    public static String extension(String name) {
        int dot = extensionDot(name);
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    /** icloudpd's name-id7 policy: {@code _} and 7 characters of the base64 id before the extension. */
    public static String withId7(String name, Asset asset) {
        String id64 = Base64.getEncoder().encodeToString(asset.id().getBytes(StandardCharsets.UTF_8));
        String id7 = id64.substring(0, Math.min(7, id64.length()));
        return withSuffix(name, "_" + id7);
    }

    /** Like Python's os.path.splitext: a leading dot does not start an extension. */
    private static int extensionDot(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? -1 : dot;
    }

    private static String truncate(String name) {
        if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_NAME_BYTES) {
            return name;
        }
        int dot = extensionDot(name);
        String ext = dot < 0 || name.length() - dot > 16 ? "" : name.substring(dot);
        String stem = dot < 0 || ext.isEmpty() ? name : name.substring(0, dot);
        return cut(stem, MAX_NAME_BYTES - ext.getBytes(StandardCharsets.UTF_8).length) + ext;
    }

    /** At most {@code maxBytes} UTF-8 bytes of {@code text}, cut between characters. */
    static String cut(String text, int maxBytes) {
        StringBuilder cut = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int bytes = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + bytes > maxBytes) {
                break;
            }
            cut.appendCodePoint(cp);
            used += bytes;
            i += Character.charCount(cp);
        }
        return cut.toString();
    }
}

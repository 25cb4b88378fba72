package io.github.camelicloud.sync.metadata;

import io.github.camelicloud.client.photos.metadata.AssetMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * {@code --xmp-sidecar}: writes {@code <media file>.xmp} next to a download, byte for byte as icloudpd
 * 1.32 does. An existing non-empty sidecar is replaced only when its {@code x:xmptk} says icloudpd (or
 * this tool) made it; one made by another program, or one that does not parse, is kept and logged.
 */
public final class XmpSidecar {

    private static final Logger LOG = LoggerFactory.getLogger(XmpSidecar.class);
    private static final String META_NAMESPACE = "adobe:ns:meta/";
    private static final String ICLOUDPD = "icloudpd";

    /** What {@link #write} did. */
    public enum Outcome {
        WRITTEN,
        /** a sidecar from another program (or an unreadable one) was there and is left alone */
        KEPT_FOREIGN
    }

    /** Fails on errors without printing them; the caller logs. */
    private static final ErrorHandler QUIET = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private final String toolkit;
    private final String ownPrefix;

    /**
     * @param toolkit the {@code x:xmptk} value to write; icloudpd writes {@code "icloudpd <version>+<commit>"}.
     *                Sidecars whose toolkit starts with {@code icloudpd} or with this value's first word
     *                count as ours and may be replaced.
     */
    public XmpSidecar(String toolkit) {
        this.toolkit = Objects.requireNonNull(toolkit, "toolkit");
        String trimmed = toolkit.strip();
        int space = trimmed.indexOf(' ');
        this.ownPrefix = space < 0 ? trimmed : trimmed.substring(0, space);
    }

    /** {@code IMG_1.JPG} → {@code IMG_1.JPG.xmp}, as icloudpd names it. */
    public static Path sidecarPath(Path mediaFile) {
        return mediaFile.resolveSibling(mediaFile.getFileName() + ".xmp");
    }

    /** The sidecar's text: an XML declaration, a newline, then the document on one line, no trailing newline. */
    public String render(AssetMetadata metadata) {
        return XmpDocument.build(metadata, toolkit).toDocument();
    }

    /** Writes (or replaces) the sidecar of {@code mediaFile}, crash-safely. */
    public Outcome write(Path mediaFile, AssetMetadata metadata) throws IOException {
        Path sidecar = sidecarPath(mediaFile);
        if (!mayReplace(sidecar)) {
            return Outcome.KEPT_FOREIGN;
        }
        byte[] bytes = render(metadata).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.replace(sidecar, out -> out.write(bytes), Optional.empty());
        return Outcome.WRITTEN;
    }

    private boolean mayReplace(Path sidecar) throws IOException {
        if (!Files.exists(sidecar) || Files.size(sidecar) == 0) {
            return true;
        }
        String creator;
        try (InputStream in = Files.newInputStream(sidecar)) {
            Element root = parser().parse(in).getDocumentElement();
            creator = root.hasAttributeNS(META_NAMESPACE, "xmptk") ? root.getAttributeNS(META_NAMESPACE, "xmptk") : null;
        } catch (SAXException e) {
            LOG.info("Not overwriting XMP file {} due to parser error: {}", sidecar, e.getMessage());
            return false;
        }
        if (creator == null || creator.isEmpty() || !isOurs(creator)) {
            // icloudpd prints Python's None for a missing attribute
            LOG.info("Not overwriting XMP file {} created by {}", sidecar, creator == null ? "None" : creator);
            return false;
        }
        return true;
    }

    private boolean isOurs(String creator) {
        return creator.startsWith(ICLOUDPD) || !ownPrefix.isEmpty() && creator.startsWith(ownPrefix);
    }

    /** Namespace-aware like ElementTree; no external entities or DTDs are fetched. */
    static DocumentBuilder parser() throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(QUIET); // the default handler prints to stderr
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IOException("no XML parser available", e);
        }
    }
}

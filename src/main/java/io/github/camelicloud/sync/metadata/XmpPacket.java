package io.github.camelicloud.sync.metadata;

import io.github.camelicloud.sync.metadata.EmbeddedMetadata.Position;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The XMP packet embedded in a JPEG ({@code APP1}) or a movie ({@code udta/XMP_}). An existing packet is kept
 * with everything it says (camera, HDR and edit data), except the properties written here: those are removed
 * wherever they are and written once, in an {@code rdf:Description} of their own, in the forms the XMP
 * specification gives (language alternatives for title and description, a bag for keywords), so that every
 * reader (exiftool, Apple Photos, Lightroom, digiKam) finds them.
 */
final class XmpPacket {

    private static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static final String META = "adobe:ns:meta/";
    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final String XMP = "http://ns.adobe.com/xap/1.0/";
    private static final String PHOTOSHOP = "http://ns.adobe.com/photoshop/1.0/";
    private static final String EXIF = "http://ns.adobe.com/exif/1.0/";
    private static final String XML = XMLConstants.XML_NS_URI;
    private static final Map<String, String> PREFIXES = Map.of(DC, "dc", XMP, "xmp", PHOTOSHOP, "photoshop",
            EXIF, "exif");
    /** The properties this class owns, as namespace + local name. */
    private static final Set<String> OWNED = Set.of(DC + "title", DC + "description", DC + "subject",
            XMP + "Rating", XMP + "CreateDate", PHOTOSHOP + "DateCreated", EXIF + "GPSLatitude",
            EXIF + "GPSLongitude", EXIF + "GPSAltitude", EXIF + "GPSAltitudeRef", EXIF + "GPSVersionID");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx", Locale.ROOT);
    private static final String BEGIN = "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n";
    private static final String END = "\n<?xpacket end=\"w\"?>";
    private static final String TOOLKIT = "camel-icloud";

    private XmpPacket() {
    }

    /**
     * @param existing the packet the file has (UTF-8), or null
     * @throws IOException when the existing packet is not XML: it is then left alone by the caller
     */
    static byte[] merge(byte[] existing, EmbeddedMetadata m) throws IOException {
        Document document = existing == null ? fresh() : parse(existing);
        Element rdf = (Element) document.getElementsByTagNameNS(RDF, "RDF").item(0);
        if (rdf == null) {
            throw new IOException("the XMP has no rdf:RDF");
        }
        NodeList descriptions = rdf.getElementsByTagNameNS(RDF, "Description");
        List<Element> emptied = new ArrayList<>();
        for (int i = 0; i < descriptions.getLength(); i++) {
            Element description = (Element) descriptions.item(i);
            if (removeOwned(description) && isEmpty(description)) {
                emptied.add(description);
            }
        }
        // the description an earlier run wrote is gone, not left empty: a rerun gives the same packet
        emptied.forEach(d -> d.getParentNode().removeChild(d));
        Element ours = document.createElementNS(RDF, "rdf:Description");
        ours.setAttributeNS(RDF, "rdf:about", "");
        PREFIXES.forEach((ns, prefix) -> ours.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:" + prefix, ns));
        m.title().ifPresent(t -> alternative(ours, "title", t));
        m.description().ifPresent(d -> alternative(ours, "description", d));
        if (!m.keywords().isEmpty()) {
            Element bag = container(ours, DC, "dc:subject", "rdf:Bag");
            m.keywords().forEach(k -> item(bag, k));
        }
        m.rating().ifPresent(r -> property(ours, XMP, "xmp:Rating", Integer.toString(r)));
        m.created().map(DATE::format).ifPresent(d -> {
            property(ours, XMP, "xmp:CreateDate", d);
            property(ours, PHOTOSHOP, "photoshop:DateCreated", d);
        });
        m.position().ifPresent(p -> gps(ours, p));
        rdf.appendChild(ours);
        return (BEGIN + serialise(document.getDocumentElement()) + END).getBytes(StandardCharsets.UTF_8);
    }

    private static void gps(Element ours, Position p) {
        property(ours, EXIF, "exif:GPSVersionID", "2.2.0.0");
        property(ours, EXIF, "exif:GPSLatitude", coordinate(p.latitude(), 'N', 'S'));
        property(ours, EXIF, "exif:GPSLongitude", coordinate(p.longitude(), 'E', 'W'));
        p.altitude().ifPresent(a -> {
            property(ours, EXIF, "exif:GPSAltitude", Math.round(Math.abs(a) * 1000) + "/1000");
            property(ours, EXIF, "exif:GPSAltitudeRef", a < 0 ? "1" : "0");
        });
    }

    /** XMP's GPSCoordinate: {@code DDD,MM.mmmmmmK}. */
    static String coordinate(double degrees, char positive, char negative) {
        double abs = Math.abs(degrees);
        int whole = (int) abs;
        return String.format(Locale.ROOT, "%d,%.6f%c", whole, (abs - whole) * 60, degrees < 0 ? negative : positive);
    }

    /** A description with no properties left (only {@code rdf:about} and namespace declarations). */
    private static boolean isEmpty(Element description) {
        for (Node child = description.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE
                    || child.getNodeType() == Node.TEXT_NODE && !child.getNodeValue().isBlank()) {
                return false;
            }
        }
        NamedNodeMap attributes = description.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            boolean declaration = XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI());
            boolean about = RDF.equals(a.getNamespaceURI()) && "about".equals(a.getLocalName());
            if (!declaration && !about) {
                return false;
            }
        }
        return true;
    }

    /** @return whether anything was removed */
    private static boolean removeOwned(Element description) {
        List<Node> doomed = new ArrayList<>();
        for (Node child = description.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE && OWNED.contains(child.getNamespaceURI() + child.getLocalName())) {
                doomed.add(child);
            }
        }
        doomed.forEach(description::removeChild);
        NamedNodeMap attributes = description.getAttributes();
        List<Attr> doomedAttributes = new ArrayList<>();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            if (OWNED.contains(a.getNamespaceURI() + a.getLocalName())) {
                doomedAttributes.add(a);
            }
        }
        doomedAttributes.forEach(description::removeAttributeNode);
        return !doomed.isEmpty() || !doomedAttributes.isEmpty();
    }

    private static void alternative(Element ours, String name, String text) {
        Element li = item(container(ours, DC, "dc:" + name, "rdf:Alt"), text);
        li.setAttributeNS(XML, "xml:lang", "x-default");
    }

    private static Element container(Element parent, String ns, String name, String kind) {
        Element property = parent.getOwnerDocument().createElementNS(ns, name);
        parent.appendChild(property);
        Element container = parent.getOwnerDocument().createElementNS(RDF, kind);
        property.appendChild(container);
        return container;
    }

    private static Element item(Element container, String text) {
        Element li = container.getOwnerDocument().createElementNS(RDF, "rdf:li");
        li.setTextContent(text);
        container.appendChild(li);
        return li;
    }

    private static void property(Element parent, String ns, String name, String value) {
        Element e = parent.getOwnerDocument().createElementNS(ns, name);
        e.setTextContent(value);
        parent.appendChild(e);
    }

    private static Document fresh() throws IOException {
        Document document = XmpSidecar.parser().newDocument();
        Element root = document.createElementNS(META, "x:xmpmeta");
        root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:x", META);
        root.setAttributeNS(META, "x:xmptk", TOOLKIT);
        document.appendChild(root);
        Element rdf = document.createElementNS(RDF, "rdf:RDF");
        rdf.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:rdf", RDF);
        root.appendChild(rdf);
        return document;
    }

    private static Document parse(byte[] packet) throws IOException {
        try {
            return XmpSidecar.parser().parse(new ByteArrayInputStream(packet));
        } catch (SAXException e) {
            throw new IOException("the XMP is not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static String serialise(Element root) throws IOException {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(root), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IOException("cannot write the XMP: " + e.getMessage(), e);
        }
    }
}

package io.github.camelicloud.sync.metadata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal XML element serialised byte for byte as Python's {@code xml.etree.ElementTree.tostring} does,
 * so sidecars match icloudpd's: attributes in insertion order with double quotes, {@code " />"} for an
 * element without text or children, no indentation, and ElementTree's escaping. Names are written as
 * given ({@code "rdf:Description"}); namespaces are plain {@code xmlns:*} attributes, as icloudpd sets them.
 */
final class XmlNode {

    private final String name;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final List<XmlNode> children = new ArrayList<>();
    private String text;

    XmlNode(String name) {
        this.name = name;
    }

    XmlNode attribute(String key, String value) {
        attributes.put(key, value);
        return this;
    }

    /** Adds and returns a new child element. */
    XmlNode child(String childName) {
        XmlNode child = new XmlNode(childName);
        children.add(child);
        return child;
    }

    /** Adds a child element holding {@code value} as its text. */
    XmlNode child(String childName, String value) {
        child(childName).text = value;
        return this;
    }

    void append(XmlNode child) {
        children.add(child);
    }

    boolean hasChildren() {
        return !children.isEmpty();
    }

    /** The document, declaration included, exactly as {@code tostring(e, encoding="utf-8", xml_declaration=True)}. */
    String toDocument() {
        StringBuilder out = new StringBuilder("<?xml version='1.0' encoding='utf-8'?>\n");
        write(out);
        return out.toString();
    }

    private void write(StringBuilder out) {
        out.append('<').append(name);
        attributes.forEach((k, v) -> out.append(' ').append(k).append("=\"").append(escapeAttribute(v)).append('"'));
        boolean hasText = text != null && !text.isEmpty();
        if (!hasText && children.isEmpty()) {
            out.append(" />");
            return;
        }
        out.append('>');
        if (hasText) {
            out.append(escapeText(text));
        }
        children.forEach(c -> c.write(out));
        out.append("</").append(name).append('>');
    }

    private static String escapeText(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String escapeAttribute(String s) {
        return escapeText(s).replace("\"", "&quot;").replace("\r", "&#13;").replace("\n", "&#10;")
                .replace("\t", "&#09;");
    }
}
